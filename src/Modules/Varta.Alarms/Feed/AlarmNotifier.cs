using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.EventStream;
using Varta.Platform.Pages;

namespace Varta.Alarms.Feed;

/// <summary>
/// Pushes stored events to consoles: event streams and SignalR clients (across hosts through the backplane), and pages on this host.
/// Events are queued as their saves commit, in Seq order, and one reader sends them in that order, so a console
/// that resumes "after the last Seq it saw" skips nothing. Whatever queued while the reader was sending goes out
/// together: one frame per console carries several events when the host is busy, and nothing waits when it is not.
/// Passes begin at most once per <see cref="AlarmsOptions.PushInterval"/>, or less often under sustained load (see
/// <see cref="PushPacing"/>), which bounds the frames a burst costs.
/// A console that misses a push (a restart, a lost connection) catches up from the feed.
/// </summary>
internal sealed class AlarmNotifier(IHubContext<AlarmHub, IAlarmClient> hub, AlarmStreams streams, TimeProvider clock, IOptions<AlarmsOptions> options, ILogger<AlarmNotifier> logger) : BackgroundService
{
    /// <summary>Most events in one pass of the reader, so one frame stays a few hundred kilobytes at most.</summary>
    public const int MaxBatch = 256;

    /// <summary>How long the reader waits for slow consoles before it moves on to the next events.</summary>
    private static readonly TimeSpan SlowConsole = TimeSpan.FromSeconds(5);

    // One item per commit: the events of one save reach consoles together.
    private readonly Channel<AlarmEventDto[]> _queue = Channel.CreateUnbounded<AlarmEventDto[]>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Broadcast<AlarmEventDto> _pages = new();

    private int _hubConnections;

    /// <summary>A hub connection opened (+1) or closed (-1): the pacing counts the consoles a pass writes to.</summary>
    public void HubConnected(int change) => Interlocked.Add(ref _hubConnections, change);

    /// <summary>Consoles this host writes to: event streams and hub connections.</summary>
    internal int Connections => streams.Count + Volatile.Read(ref _hubConnections);

    /// <summary>
    /// Calls <paramref name="handler"/> on the reader, in Seq order, for each event, until disposed: for pages on this
    /// host, each in its own circuit's execution context (its user's language). Handlers must not block.
    /// </summary>
    public IDisposable Subscribe(Action<AlarmEventDto> handler) => _pages.Subscribe(handler);

    /// <summary>Called when a save commits, under the audit chain's lock: only queues.</summary>
    public void Enqueue(AlarmEventDto[] events) => _queue.Writer.TryWrite(events);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AlarmEventDto>(MaxBatch);
        var quiet = options.Value.PushInterval;
        var lastPass = long.MinValue;
        var windowStart = clock.GetTimestamp();
        var windowEvents = 0;
        var interval = quiet;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // Paced: a pass begins no sooner than one interval after the previous one began; meanwhile more may queue.
                if (lastPass != long.MinValue && interval > TimeSpan.Zero && clock.GetElapsedTime(lastPass) is var since && since < interval)
                {
                    await Task.Delay(interval - since, clock, stoppingToken);
                }

                lastPass = clock.GetTimestamp();
                batch.Clear();
                while (_queue.Reader.TryPeek(out var next) && (batch.Count == 0 || batch.Count + next.Length <= MaxBatch))
                {
                    _queue.Reader.TryRead(out _);
                    batch.AddRange(next);
                }

                // Events in the last second decide the pace of the next second's passes.
                windowEvents += batch.Count;
                if (clock.GetElapsedTime(windowStart) is var window && window >= TimeSpan.FromSeconds(1))
                {
                    interval = PushPacing.Interval(options.Value, windowEvents / window.TotalSeconds, Connections);
                    windowStart = clock.GetTimestamp();
                    windowEvents = 0;
                }

                await DeliverAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is in the feed, where consoles catch up.
        }
    }

    private async Task DeliverAsync(List<AlarmEventDto> batch)
    {
        foreach (var e in batch)
        {
            try
            {
                _pages.Publish(e);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A page failed to take alarm event {Seq}", e.Seq);
            }
        }

        try
        {
            // Event streams first: writing to them never waits on a client, so they cost this pass no time.
            streams.Publish(batch);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Writing alarm events up to {Seq} to the event streams failed; they catch up from the feed", batch[^1].Seq);
        }

        // A console may watch several sites, so merging all of one site's events into one frame could put a later
        // Seq before an earlier one. Only consecutive events of one site share a frame, and the frames are started
        // in Seq order: SignalR writes each connection's messages in the order they were started. (Through the Redis
        // backplane each site's group is its own channel, so there the order holds per site.)
        try
        {
            var sends = new List<Task>();
            for (var start = 0; start < batch.Count;)
            {
                var end = start + 1;
                while (end < batch.Count && batch[end].SiteId == batch[start].SiteId)
                {
                    end++;
                }

                var group = hub.Clients.Group(AlarmHub.SiteGroup(batch[start].SiteId));
                sends.Add(end - start == 1 ? group.AlarmEvent(batch[start]) : group.AlarmEvents(batch.GetRange(start, end - start).ToArray()));
                start = end;
            }

            // Waiting here is what batches: whatever commits meanwhile goes out in the next pass.
            await Task.WhenAll(sends).WaitAsync(SlowConsole, clock);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Pushing alarm events up to {Seq} took over {Timeout}; moving on (each console still gets them in order)",
                batch[^1].Seq, SlowConsole);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Pushing alarm events up to {Seq} failed; consoles catch up from the feed", batch[^1].Seq);
        }
    }
}
