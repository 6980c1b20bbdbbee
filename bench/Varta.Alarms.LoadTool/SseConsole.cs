using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// A console on the host's event stream (<c>GET /api/v1/alarms/stream</c>, server-sent events over HTTP/1.1), on a
/// plain socket: the request with the bearer token, the answer's headers (200, <c>text/event-stream</c>, chunked),
/// then the chunked body decoded and split into events; each <c>event: alarms</c> event's data (a JSON array of
/// events) is read with a <see cref="Utf8JsonReader"/> for Seq, AlarmId and Kind, everything else tokenised and
/// skipped, as the lean hub console does. No pings: the host sends keep-alive comments itself.
/// </summary>
internal sealed class SseConsole : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _raw = new byte[64 * 1024];
    private int _rawStart;
    private int _rawEnd;
    private byte[] _body = new byte[16 * 1024];
    private int _bodyLength;
    private long _chunkLeft; // payload bytes still due in the current chunk; -1 = its trailing CRLF, 0 = a size line next

    private SseConsole(Socket socket) => _socket = socket;

    public bool Closed { get; private set; }

    public static async Task<SseConsole> ConnectAsync(Uri baseUri, string path, string token, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(baseUri.Host, baseUri.Port, ct);
            var request = $"GET {path} HTTP/1.1\r\nHost: {baseUri.Authority}\r\nAccept: text/event-stream\r\nAuthorization: Bearer {token}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, ct);
            var console = new SseConsole(socket);
            var headers = await console.ReadHeadersAsync(ct);
            if (!headers.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)
                || !headers.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)
                || !headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"Event stream refused: {headers.Split("\r\n")[0]}");
            }

            return console;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<string> ReadHeadersAsync(CancellationToken ct)
    {
        while (true)
        {
            var end = _raw.AsSpan(_rawStart, _rawEnd - _rawStart).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var text = Encoding.ASCII.GetString(_raw, _rawStart, end + 4);
                _rawStart += end + 4;
                return text;
            }

            if (_rawEnd == _raw.Length)
            {
                throw new IOException("Event stream headers too long");
            }

            await FillAsync(ct);
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_rawStart > 0)
        {
            Buffer.BlockCopy(_raw, _rawStart, _raw, 0, _rawEnd - _rawStart);
            _rawEnd -= _rawStart;
            _rawStart = 0;
        }

        var n = await _socket.ReceiveAsync(_raw.AsMemory(_rawEnd), SocketFlags.None, ct);
        if (n == 0)
        {
            Closed = true;
            throw new IOException("The host closed the stream");
        }

        _rawEnd += n;
    }

    /// <summary>Receives until the stream ends or <paramref name="ct"/> is cancelled; calls back per event.</summary>
    /// <param name="onFrame">Per <c>alarms</c> event: the alarm events it carried and its length in bytes.</param>
    public async Task ReceiveAsync(LeanConsole.EventHandler onEvent, Action<int, int> onFrame, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await FillAsync(ct);
                var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
                Dechunk();
                var start = 0;
                int end;
                while ((end = _body.AsSpan(start, _bodyLength - start).IndexOf("\n\n"u8)) >= 0)
                {
                    var block = _body.AsSpan(start, end);
                    var events = ParseBlock(block, onEvent, arrived);
                    if (events > 0)
                    {
                        onFrame(events, end + 2);
                    }

                    start += end + 2;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(_body, start, _body, 0, _bodyLength - start);
                    _bodyLength -= start;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Closed = true;
        }
    }

    // Moves the payload of the chunks received so far from the raw buffer to the body buffer.
    private void Dechunk()
    {
        while (_rawStart < _rawEnd)
        {
            if (_chunkLeft > 0)
            {
                var n = (int)Math.Min(_chunkLeft, _rawEnd - _rawStart);
                if (_bodyLength + n > _body.Length)
                {
                    Array.Resize(ref _body, Math.Max(_body.Length * 2, _bodyLength + n));
                }

                Buffer.BlockCopy(_raw, _rawStart, _body, _bodyLength, n);
                _bodyLength += n;
                _rawStart += n;
                _chunkLeft -= n;
                if (_chunkLeft == 0)
                {
                    _chunkLeft = -1;
                }

                continue;
            }

            var line = _raw.AsSpan(_rawStart, _rawEnd - _rawStart).IndexOf("\r\n"u8);
            if (line < 0)
            {
                return; // the rest of the size line or of the CRLF is still on its way
            }

            if (_chunkLeft == -1)
            {
                _rawStart += line + 2; // the CRLF after a chunk's payload
                _chunkLeft = 0;
                continue;
            }

            var size = Encoding.ASCII.GetString(_raw, _rawStart, line).Split(';')[0].Trim();
            _chunkLeft = Convert.ToInt64(size, 16);
            _rawStart += line + 2;
            if (_chunkLeft == 0)
            {
                throw new IOException("The host ended the stream");
            }
        }
    }

    private static int ParseBlock(ReadOnlySpan<byte> block, LeanConsole.EventHandler onEvent, long arrived)
    {
        if (!block.StartsWith("id: "u8))
        {
            return 0; // ready, keep-alive comments, revoked
        }

        var data = block.IndexOf("\ndata: "u8);
        if (data < 0 || !block[..data].EndsWith("\nevent: alarms"u8))
        {
            return 0;
        }

        var reader = new Utf8JsonReader(block[(data + 7)..]);
        reader.Read(); // [
        var events = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            onEvent(LeanConsole.ReadEvent(ref reader), arrived);
            events++;
        }

        return events;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
