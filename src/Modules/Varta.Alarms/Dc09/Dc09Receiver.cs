using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Varta.Alarms.Dc09;

/// <summary>
/// A DC-09 receiver over TCP. Each connection is read frame by frame, in order; every well-formed panel message
/// goes to the handler, and its answer is written only after the handler's task has completed, because the handler
/// stores the signal durably and an ACK tells the panel it may forget it. Bad frames get NAK, unsupported ones DUH,
/// without reaching the handler.
/// </summary>
internal sealed class Dc09Receiver : IAsyncDisposable
{
    private readonly Dc09ReceiverOptions _options;
    private readonly Dc09Responder _responder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task? _stopped;
    private long _lastConnectionId;

    public Dc09Receiver(
        Dc09ReceiverOptions options,
        Func<Dc09Frame, PanelEvent?, CancellationToken, Task<Dc09Verdict>> handler,
        TimeProvider timeProvider,
        ILogger<Dc09Receiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _time = timeProvider;
        _logger = logger ?? NullLogger<Dc09Receiver>.Instance;
        _responder = new Dc09Responder(options, handler, timeProvider, _logger);
    }

    /// <summary>Connections currently open.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Binds and starts accepting; returns the endpoint actually bound (useful with port 0).</summary>
    public IPEndPoint Start()
    {
        lock (_gate)
        {
            if (_listener is not null || _stopped is not null)
            {
                throw new InvalidOperationException("The receiver can be started once.");
            }

            _listener = new TcpListener(_options.Address, _options.Port);
            _listener.Start();
            _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
            var bound = (IPEndPoint)_listener.LocalEndpoint;
            _logger.LogInformation("DC-09 receiver listening on {Endpoint}", bound);
            return bound;
        }
    }

    /// <summary>Starts, runs until <paramref name="cancellationToken"/> is cancelled, then stops cleanly (for a hosted service).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Start();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await cancelled.Task;
        }

        await StopAsync();
    }

    /// <summary>Stops accepting, cancels every connection (and handlers still running) and waits for them to end.</summary>
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
        _listener?.Stop();
        await _acceptLoop;
        await Task.WhenAll(_connections.Values);
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
                                       || (ex is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException ex)
            {
                _logger.LogWarning(ex, "DC-09 accept failed");
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                _logger.LogWarning("DC-09 connection from {Remote} refused: {Max} connections open",
                    RemoteOf(client), _options.MaxConnections);
                client.Dispose();
                continue;
            }

            var id = Interlocked.Increment(ref _lastConnectionId);
            var connection = HandleConnectionAsync(client, stopping);
            _connections[id] = connection;

            // Registered after the add, so it also runs (at once) for a connection that has already ended.
            _ = connection.ContinueWith(_ => _connections.TryRemove(id, out var _), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task HandleConnectionAsync(TcpClient client, CancellationToken stopping)
    {
        await Task.Yield(); // let the accept loop go on at once
        var remote = RemoteOf(client);
        using var owned = client;
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping, idle.Token);
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new Dc09FrameReader(_options.MaxFrameLength);
            var chunks = new List<Dc09Chunk>();
            var buffer = new byte[4096];
            var consecutiveErrors = 0;
            while (true)
            {
                idle.CancelAfter(_options.IdleTimeout);
                var read = await stream.ReadAsync(buffer, connection.Token);
                if (read == 0)
                {
                    return;
                }

                chunks.Clear();
                reader.Feed(buffer.AsSpan(0, read), chunks);
                foreach (var chunk in chunks)
                {
                    idle.CancelAfter(Timeout.InfiniteTimeSpan); // time in the handler is not idle time
                    var (response, wellFormed) = await _responder.AnswerAsync(chunk, remote, stopping);
                    idle.CancelAfter(_options.IdleTimeout);
                    await stream.WriteAsync(response, connection.Token);

                    consecutiveErrors = wellFormed ? 0 : consecutiveErrors + 1;
                    if (consecutiveErrors >= _options.MaxConsecutiveErrors)
                    {
                        _logger.LogWarning("DC-09 connection from {Remote} closed after {Count} bad frames in a row",
                            remote, consecutiveErrors);
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (connection.IsCancellationRequested)
        {
            if (!stopping.IsCancellationRequested)
            {
                _logger.LogInformation("DC-09 connection from {Remote} closed after {Timeout} idle", remote, _options.IdleTimeout);
            }
        }
        catch (Exception ex)
        {
            _logger.LogInformation(ex, "DC-09 connection from {Remote} ended", remote);
        }
    }

    private static EndPoint? RemoteOf(TcpClient client)
    {
        try
        {
            return client.Client.RemoteEndPoint;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null; // the peer is already gone; the first read will say so
        }
    }
}
