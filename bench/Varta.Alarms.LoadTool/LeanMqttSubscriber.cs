using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// An MQTT 3.1.1 subscriber on a plain socket, as lean as <see cref="SseConsole"/>: CONNECT (clean session) and
/// CONNACK, SUBSCRIBE at QoS 1 and SUBACK, then for each PUBLISH the arrival time and the payload's first 8 bytes,
/// and a PUBACK. The full MQTTnet client (<c>--mqtt-client full</c>) saturated the tool at 1,000 subscribers, so that
/// the reference measured the clients more than the broker.
/// </summary>
internal sealed class LeanMqttSubscriber : IAsyncDisposable
{
    private readonly Socket _socket;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private LeanMqttSubscriber(Socket socket) => _socket = socket;

    public bool Closed { get; private set; }

    public static async Task<LeanMqttSubscriber> ConnectAsync(int port, string clientId, string topic, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync("127.0.0.1", port, ct);
            var subscriber = new LeanMqttSubscriber(socket);
            var id = Encoding.UTF8.GetBytes(clientId);
            // Variable header: protocol name "MQTT", level 4 (3.1.1), flags: clean session, keep-alive 60 s.
            byte[] variable = [0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 60];
            await socket.SendAsync(Packet(0x10, [.. variable, .. Utf8String(id)]), SocketFlags.None, ct);
            var (type, body) = await subscriber.ReadPacketAsync(ct);
            if (type >> 4 != 2 || body.Length < 2 || body[1] != 0)
            {
                throw new IOException($"CONNACK refused: type {type:X2}, code {(body.Length > 1 ? body[1] : -1)}");
            }

            // SUBSCRIBE (fixed header flags 0010), packet id 1, the topic at QoS 1.
            await socket.SendAsync(Packet(0x82, [0, 1, .. Utf8String(Encoding.UTF8.GetBytes(topic)), 1]), SocketFlags.None, ct);
            (type, body) = await subscriber.ReadPacketAsync(ct);
            if (type >> 4 != 9 || body.Length < 3 || body[2] > 2)
            {
                throw new IOException("SUBACK refused");
            }

            return subscriber;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static byte[] Utf8String(byte[] bytes) => [(byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];

    private static byte[] Packet(byte header, byte[] body)
    {
        var length = new List<byte>(4);
        var n = body.Length;
        do
        {
            var digit = (byte)(n % 128);
            n /= 128;
            length.Add(n > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (n > 0);

        return [header, .. length, .. body];
    }

    private async Task<(byte Type, byte[] Body)> ReadPacketAsync(CancellationToken ct)
    {
        while (true)
        {
            if (TryTakePacket(out var type, out var start, out var length))
            {
                return (type, _buffer.AsSpan(start, length).ToArray());
            }

            await FillAsync(ct);
        }
    }

    // A whole packet at _start: its first byte, and where its body lies in the buffer; advances past it.
    private bool TryTakePacket(out byte type, out int bodyStart, out int bodyLength)
    {
        type = 0;
        bodyStart = bodyLength = 0;
        if (_end - _start < 2)
        {
            return false;
        }

        int length = 0, multiplier = 1, i = _start + 1;
        while (true)
        {
            if (i >= _end)
            {
                return false;
            }

            var digit = _buffer[i++];
            length += (digit & 0x7f) * multiplier;
            multiplier *= 128;
            if ((digit & 0x80) == 0)
            {
                break;
            }

            if (multiplier > 128 * 128 * 128)
            {
                throw new IOException("Malformed remaining length");
            }
        }

        if (_end - i < length)
        {
            if (i + length > _buffer.Length)
            {
                Compact();
                if (_end - _start + length + 5 > _buffer.Length)
                {
                    Array.Resize(ref _buffer, (_end - _start + length + 5) * 2);
                }
            }

            return false;
        }

        type = _buffer[_start];
        bodyStart = i;
        bodyLength = length;
        _start = i + length;
        return true;
    }

    private void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_end == _buffer.Length)
        {
            Compact();
            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }

        var n = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, ct);
        if (n == 0)
        {
            Closed = true;
            throw new IOException("The broker closed the connection");
        }

        _end += n;
    }

    /// <summary>Receives until the connection closes or <paramref name="ct"/> is cancelled; per PUBLISH, the payload's first 8 bytes.</summary>
    public async Task ReceiveAsync(Action<long, long> onMessage, CancellationToken ct)
    {
        var acks = new List<byte>(64);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await FillAsync(ct);
                var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
                acks.Clear();
                while (TryTakePacket(out var type, out var start, out var length))
                {
                    if (type >> 4 != 3)
                    {
                        continue; // PINGRESP and the like
                    }

                    var qos = (type >> 1) & 3;
                    var topicLength = (_buffer[start] << 8) | _buffer[start + 1];
                    var at = start + 2 + topicLength;
                    if (qos > 0)
                    {
                        acks.AddRange([0x40, 2, _buffer[at], _buffer[at + 1]]);
                        at += 2;
                    }

                    if (start + length - at >= 8)
                    {
                        onMessage(BinaryPrimitives.ReadInt64LittleEndian(_buffer.AsSpan(at, 8)), arrived);
                    }
                }

                if (acks.Count > 0)
                {
                    await _socket.SendAsync(acks.ToArray(), SocketFlags.None, ct);
                }

                if (_start == _end)
                {
                    _start = _end = 0;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Closed = true;
        }
    }

    public async Task PingAsync(CancellationToken ct)
    {
        if (!Closed)
        {
            await _socket.SendAsync(new byte[] { 0xC0, 0 }, SocketFlags.None, ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!Closed)
            {
                _socket.Send([0xE0, 0]); // DISCONNECT
            }
        }
        catch (SocketException)
        {
        }

        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
