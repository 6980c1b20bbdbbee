using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Varta.Alarms.Dc09;

/// <summary>
/// A DC-09 receiver over UDP: one datagram is one frame, answered by one datagram to its sender with the same rule as
/// over TCP (<see cref="Dc09Responder"/>): the answer is sent only after the handler has stored the signal. Work is
/// bounded: a datagram longer than a frame is garbage, and datagrams beyond <see cref="Dc09ReceiverOptions.MaxConnections"/>
/// in flight are dropped unanswered (the panel sends them again).
/// </summary>
internal sealed class Dc09UdpReceiver : IAsyncDisposable
{
    private readonly Dc09ReceiverOptions _options;
    private readonly Dc09Responder _responder;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly Lock _gate = new();
    private UdpClient? _udp;
    private Task _receiveLoop = Task.CompletedTask;
    private Task? _stopped;
    private long _lastId;

    public Dc09UdpReceiver(
        Dc09ReceiverOptions options,
        Func<Dc09Frame, PanelEvent?, CancellationToken, Task<Dc09Verdict>> handler,
        TimeProvider timeProvider,
        ILogger<Dc09UdpReceiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _logger = logger ?? NullLogger<Dc09UdpReceiver>.Instance;
        _responder = new Dc09Responder(options, handler, timeProvider, _logger);
    }

    /// <summary>Datagrams being handled now.</summary>
    public int InFlight => _inFlight.Count;

    /// <summary>Binds and starts receiving; returns the endpoint actually bound (useful with port 0).</summary>
    public IPEndPoint Start()
    {
        lock (_gate)
        {
            if (_udp is not null || _stopped is not null)
            {
                throw new InvalidOperationException("The receiver can be started once.");
            }

            _udp = new UdpClient(new IPEndPoint(_options.Address, _options.Port));
            _receiveLoop = ReceiveLoopAsync(_udp, _stopping.Token);
            var bound = (IPEndPoint)_udp.Client.LocalEndPoint!;
            _logger.LogInformation("DC-09 UDP receiver listening on {Endpoint}", bound);
            return bound;
        }
    }

    /// <summary>Stops receiving, cancels handlers still running and waits for them to end.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopped ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync();
        _udp?.Dispose();
        await _receiveLoop;
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task ReceiveLoopAsync(UdpClient udp, CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                                       || (ex is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException ex)
            {
                // On some systems an ICMP "port unreachable" for an earlier answer surfaces here; keep receiving.
                _logger.LogDebug(ex, "DC-09 UDP receive failed");
                continue;
            }

            if (_inFlight.Count >= _options.MaxConnections)
            {
                _logger.LogWarning("DC-09 datagram from {Remote} dropped: {Max} in flight", datagram.RemoteEndPoint, _options.MaxConnections);
                continue;
            }

            var id = Interlocked.Increment(ref _lastId);
            var work = HandleDatagramAsync(udp, datagram, stopping);
            _inFlight[id] = work;
            _ = work.ContinueWith(_ => _inFlight.TryRemove(id, out var _), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task HandleDatagramAsync(UdpClient udp, UdpReceiveResult datagram, CancellationToken stopping)
    {
        await Task.Yield(); // let the receive loop go on at once
        var remote = datagram.RemoteEndPoint;
        try
        {
            var response = (await _responder.AnswerAsync(Chunk(datagram.Buffer, _options.MaxFrameLength), remote, stopping)).Response;
            await udp.SendAsync(response, remote, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogInformation(ex, "DC-09 datagram from {Remote} not answered", remote);
        }
    }

    /// <summary>The one frame of a datagram, or garbage when it holds none, more than one, or more than a frame's length.</summary>
    internal static Dc09Chunk Chunk(byte[] datagram, int maxFrameLength)
    {
        if (datagram.Length > maxFrameLength + 16) // a little padding is tolerated, as between TCP frames
        {
            return Dc09Chunk.Garbage;
        }

        var chunks = new List<Dc09Chunk>(1);
        new Dc09FrameReader(maxFrameLength).Feed(datagram, chunks);
        return chunks is [{ Frame: not null } only] ? only : Dc09Chunk.Garbage;
    }
}
