using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Supervision;

/// <summary>
/// Escalation and supervision on the injected clock: an alarm not acknowledged in time goes up a level
/// (site → region → national); a device whose heartbeat stops raises "device offline" within its reporting time.
/// </summary>
internal sealed class AlarmWatchScan(VartaDbContext db, AlarmWriter writer, TimeProvider clock, IOptions<AlarmsOptions> options)
{
    /// <summary>National: the top of site → region → national.</summary>
    private const int MaxEscalationLevel = 2;

    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = 0;
        var limit = options.Value.AcknowledgeWithin;
        var cutoff = now - limit;
        var due = await db.Set<Alarm>()
            .Where(a => a.Status == AlarmStatus.Open && a.EscalationLevel < MaxEscalationLevel && (a.EscalatedAt ?? a.ReceivedAt) <= cutoff)
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        foreach (var alarm in due)
        {
            alarm.EscalationLevel++;
            alarm.EscalatedAt = now;
            alarm.Version++;
            writer.Change(alarm, alarm.SiteId, "escalated", "system", new { alarmId = alarm.Id, level = alarm.EscalationLevel });
            changes++;
        }

        // Only devices already overdue are read (an index on Offline, SilentAfter), however many report on time.
        var devices = await db.Set<Device>().Where(d => !d.Offline && d.SilentAfter < now && d.Enabled).OrderBy(d => d.SilentAfter).ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToList();
        var stillOpen = (await db.Set<Alarm>()
                .Where(a => a.Kind == AlarmKinds.DeviceOffline && a.Status != AlarmStatus.Resolved && a.DeviceId != null && deviceIds.Contains(a.DeviceId.Value))
                .ToListAsync(ct))
            .GroupBy(a => a.DeviceId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ReceivedAt).First());
        foreach (var device in devices)
        {
            device.Offline = true;
            if (stillOpen.TryGetValue(device.Id, out var open))
            {
                // Offline again before anyone closed the last one: the same alarm, counted, not another on the console.
                open.Repeats++;
                open.Version++;
                writer.Change(open, device.SiteId, "offline-again", "system", new { alarmId = open.Id, deviceId = device.Id, lastSeen = device.LastSeenAt, repeats = open.Repeats });
                changes++;
                continue;
            }

            var alarm = new Alarm
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                SiteId = device.SiteId,
                ZoneId = device.ZoneId,
                DeviceId = device.Id,
                Kind = AlarmKinds.DeviceOffline,
                Priority = AlarmKinds.Priority(AlarmKinds.DeviceOffline),
                IdempotencyKey = $"offline:{now:O}",
                RaisedAt = now,
                ReceivedAt = now,
            };
            db.Set<Alarm>().Add(alarm);
            writer.Change(alarm, device.SiteId, "raised", "system", new { alarmId = alarm.Id, kind = alarm.Kind, deviceId = device.Id, lastSeen = device.LastSeenAt });
            changes++;
        }

        if (changes > 0)
        {
            await writer.SaveAsync(ct);
        }

        return changes;
    }
}

internal sealed class AlarmWatch(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlarmsOptions> options, ILogger<AlarmWatch> logger) : BackgroundService
{
    private TaskCompletionSource _scanned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task NextScanAsync() => Volatile.Read(ref _scanned).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AlarmWatchScan>().ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Alarm watch scan failed");
            }

            Interlocked.Exchange(ref _scanned, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
