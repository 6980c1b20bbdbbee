using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// A console that speaks the SignalR JSON hub protocol (version 1) itself, over a WebSocket opened on a plain socket:
/// the HTTP upgrade with the bearer token, the protocol handshake, a ping every <see cref="PingInterval"/> (the server
/// drops a client silent for 30 s), and for each invocation record the fields the tool needs (Seq, AlarmId, Kind) read
/// with a <see cref="Utf8JsonReader"/>; every other property, the alarm included, is tokenised and skipped. Every
/// frame the host sends is received and parsed, as with the official client: it is the client's own overhead that is
/// smaller (no HttpClient stream, no pipe, no binding to .NET types, no dispatch), so that on a machine the consoles
/// share with the host, less of the CPU goes to the measuring side. `--client official` uses the .NET HubConnection.
/// </summary>
internal sealed class LeanConsole : IAsyncDisposable
{
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);

    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly WebSocket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _filled;

    private LeanConsole(WebSocket socket) => _socket = socket;

    /// <summary>One event, with the arrival time of the WebSocket read that brought it.</summary>
    public delegate void EventHandler(ConsoleEvent e, long arrivedTicks);

    public bool Closed { get; private set; }

    public static async Task<LeanConsole> ConnectAsync(Uri baseUri, string path, string token, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(baseUri.Host, baseUri.Port, ct);
            var stream = new NetworkStream(socket, ownsSocket: true);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = $"GET {path} HTTP/1.1\r\nHost: {baseUri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                          $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), ct);
            var headers = await ReadHeadersAsync(stream, ct);
#pragma warning disable CA5350 // RFC 6455 defines the accept value with SHA-1; it proves an upgrade, it protects nothing
            var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            if (!headers.StartsWith("HTTP/1.1 101", StringComparison.Ordinal) || !headers.Contains(expected, StringComparison.Ordinal))
            {
                throw new IOException($"WebSocket upgrade refused: {headers.Split("\r\n")[0]}");
            }

            var ws = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
            var console = new LeanConsole(ws);
            await ws.SendAsync(Handshake, WebSocketMessageType.Text, true, ct);

            // The handshake answer is "{}" followed by the separator; an "error" property means refused.
            var answer = await console.ReceiveRecordAsync(ct);
            if (answer.Contains("error", StringComparison.Ordinal))
            {
                throw new IOException("SignalR handshake refused: " + answer);
            }

            return console;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<string> ReadHeadersAsync(NetworkStream stream, CancellationToken ct)
    {
        // One byte at a time: nothing after the blank line may be consumed here (the WebSocket reads it).
        var bytes = new List<byte>(256);
        var one = new byte[1];
        while (bytes.Count < 16 * 1024)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                throw new IOException("Connection closed during the WebSocket upgrade");
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray());
            }
        }

        throw new IOException("WebSocket upgrade answer too long");
    }

    private async Task<string> ReceiveRecordAsync(CancellationToken ct)
    {
        while (true)
        {
            var end = Array.IndexOf(_buffer, RecordSeparator, 0, _filled);
            if (end >= 0)
            {
                var text = Encoding.UTF8.GetString(_buffer, 0, end);
                Consume(end + 1);
                return text;
            }

            await FillAsync(ct);
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), ct);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            Closed = true;
            throw new IOException("The host closed the connection");
        }

        _filled += result.Count;
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    /// <summary>Receives until the connection closes or <paramref name="ct"/> is cancelled; calls back per event.</summary>
    /// <param name="onFrame">Per invocation record: the events it carried and its length in bytes.</param>
    public async Task ReceiveAsync(EventHandler onEvent, Action<int, int> onFrame, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await FillAsync(ct);
                var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
                var start = 0;
                int end;
                while ((end = Array.IndexOf(_buffer, RecordSeparator, start, _filled - start)) >= 0)
                {
                    var events = ParseInvocation(_buffer.AsSpan(start, end - start), onEvent, arrived);
                    if (events > 0)
                    {
                        onFrame(events, end - start + 1);
                    }

                    start = end + 1;
                }

                if (start > 0)
                {
                    Consume(start);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
            Closed = true;
        }
    }

    /// <summary>
    /// An invocation of AlarmEvent (arguments: [event]) or AlarmEvents (arguments: [[event, …]]); pings and other
    /// messages count nothing. Returns the events the record carried.
    /// </summary>
    private static int ParseInvocation(ReadOnlySpan<byte> record, EventHandler onEvent, long arrived)
    {
        var reader = new Utf8JsonReader(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        var events = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (reader.GetInt32() != 1)
                {
                    return 0;
                }
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read(); // [
                reader.Read(); // the event, or [ for a batch
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        onEvent(ReadEvent(ref reader), arrived);
                        events++;
                    }

                    reader.Read(); // ] of the arguments
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    onEvent(ReadEvent(ref reader), arrived);
                    events++;
                    reader.Read(); // ] of the arguments
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return events;
    }

    internal static ConsoleEvent ReadEvent(ref Utf8JsonReader reader)
    {
        long seq = 0;
        Guid? alarmId = null;
        string? kind = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("alarmId"u8))
            {
                reader.Read();
                alarmId = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                kind = reader.ValueTextEquals("raised"u8) ? "raised" : reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ConsoleEvent(seq, alarmId, kind);
    }

    public async Task PingAsync(CancellationToken ct)
    {
        if (!Closed && _socket.State == WebSocketState.Open)
        {
            await _socket.SendAsync(Ping, WebSocketMessageType.Text, true, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or WebSocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }
}
