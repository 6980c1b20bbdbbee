using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Varta.Alarms.EventStream;

/// <summary>
/// One open event stream. Frames are written from the notifier's pass without waiting on the client: when the socket
/// cannot take more, frames queue here, in order, and go out as the client reads. A client that falls more than
/// <see cref="MaxBacklogBytes"/> behind is cut off; it reconnects with <c>Last-Event-ID</c> and catches up from the feed.
/// </summary>
internal sealed class StreamConnection(HttpContext http, IReadOnlySet<Guid> sites)
{
    public const int MaxBacklogBytes = 4 * 1024 * 1024;

    private readonly PipeWriter _out = http.Response.BodyWriter;
    private readonly Lock _lock = new();
    private readonly Queue<StreamFrame> _backlog = new();
    private int _backlogBytes;
    private bool _catchingUp = true;
    private bool _flushing;
    private bool _closed;

    public IReadOnlySet<Guid> Sites { get; } = sites;

    /// <summary>The stream was cut off (slow client) or its request ended.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_lock)
            {
                return _closed;
            }
        }
    }

    /// <summary>A live frame: written now, or queued while the connection catches up or the socket is full.</summary>
    public void Send(StreamFrame frame)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            if (_catchingUp || _flushing)
            {
                Enqueue(frame);
                return;
            }

            Write(frame.Bytes);
            Flush();
        }
    }

    /// <summary>A keep-alive comment, only when nothing is waiting to go out anyway.</summary>
    public void Heartbeat()
    {
        lock (_lock)
        {
            if (!_closed && !_catchingUp && !_flushing)
            {
                Write(StreamFrame.Heartbeat.Bytes);
                Flush();
            }
        }
    }

    /// <summary>Written by the request itself before live frames flow (the opening event, the catch-up from the feed).</summary>
    public async Task WriteDirectAsync(StreamFrame frame, CancellationToken ct) => await _out.WriteAsync(frame.Bytes, ct);

    /// <summary>
    /// Ends the catch-up: live frames that queued meanwhile go out, less the events the catch-up already sent (up to
    /// <paramref name="sentUpTo"/>), so each event reaches the client once and in Seq order.
    /// </summary>
    public void EndCatchUp(long sentUpTo)
    {
        lock (_lock)
        {
            _catchingUp = false;
            if (_closed)
            {
                return;
            }

            Drain(sentUpTo);
        }
    }

    /// <summary>Ends the stream: what is queued is dropped, and the client is told by the connection closing.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _backlog.Clear();
            _backlogBytes = 0;
        }
    }

    private void Enqueue(StreamFrame frame)
    {
        _backlog.Enqueue(frame);
        _backlogBytes += frame.Bytes.Length;
        if (_backlogBytes > MaxBacklogBytes)
        {
            // Too far behind to be worth keeping: it resumes from the feed, and the host's memory stays bounded.
            Close();
            http.Abort();
        }
    }

    private void Write(byte[] bytes)
    {
        try
        {
            _out.Write(bytes);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ObjectDisposedException)
        {
            // The response already ended.
            _closed = true;
        }
    }

    // Under the lock. When the socket cannot take it all now, later frames queue until this flush completes.
    private void Flush()
    {
        if (_closed)
        {
            return;
        }

        ValueTask<FlushResult> flush;
        try
        {
            flush = _out.FlushAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ObjectDisposedException)
        {
            _closed = true;
            return;
        }

        if (flush.IsCompletedSuccessfully)
        {
            var result = flush.Result;
            if (result.IsCanceled || result.IsCompleted)
            {
                _closed = true;
            }

            return;
        }

        _flushing = true;
        _ = AfterFlushAsync(flush);
    }

    private async Task AfterFlushAsync(ValueTask<FlushResult> flush)
    {
        bool ended;
        try
        {
            var result = await flush;
            ended = result.IsCanceled || result.IsCompleted;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            ended = true;
        }

        lock (_lock)
        {
            _flushing = false;
            if (ended)
            {
                _closed = true;
                return;
            }

            if (_catchingUp || _closed || _backlog.Count == 0)
            {
                return;
            }

            Drain(sentUpTo: 0);
        }
    }

    // Under the lock: what queued goes out in order, less what was already sent up to that Seq, in one flush.
    private void Drain(long sentUpTo)
    {
        while (_backlog.TryDequeue(out var frame))
        {
            if (frame.LastSeq <= sentUpTo)
            {
                continue;
            }

            Write(frame.FirstSeq > sentUpTo ? frame.Bytes : StreamFrame.Alarms(frame.Events.Where(e => e.Seq > sentUpTo).ToList()).Bytes);
        }

        _backlogBytes = 0;
        Flush();
    }
}
