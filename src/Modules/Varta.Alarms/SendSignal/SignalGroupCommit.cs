using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Alarms.SendSignal;

/// <summary>What a checked signal asks the store to do.</summary>
internal enum SignalWork
{
    /// <summary>Only "the device is alive": a heartbeat, or a signal already stored under its idempotency key.</summary>
    Seen,

    /// <summary>An intrusion while the building is disarmed: logged, nobody called out.</summary>
    Disarmed,

    /// <summary>A new alarm.</summary>
    Alarm,
}

/// <summary>One checked signal waiting to be stored; answered once its rows are durable.</summary>
internal sealed class PendingSignal(Guid deviceId, DateTimeOffset receivedAt, SignalWork work)
{
    public Guid DeviceId { get; } = deviceId;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public SignalWork Work { get; } = work;

    /// <summary>For <see cref="SignalWork.Alarm"/>: the alarm to store (its id is the device's answer).</summary>
    public Alarm? Alarm { get; init; }

    /// <summary>For <see cref="SignalWork.Alarm"/>: what consoles are shown of it, read by the request (null: read when stored).</summary>
    public AlarmDto? Shown { get; init; }

    /// <summary>For <see cref="SignalWork.Disarmed"/>: the zone and key logged.</summary>
    public Guid? ZoneId { get; init; }

    public string? Key { get; init; }

    internal TaskCompletionSource<Outcome<SignalAccepted>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Group commit for device signals. Requests check their signal on their own (device, validation, idempotency,
/// arming) and queue it here; one writer takes everything queued by then and stores it in one transaction: one
/// hold of the audit chain's lock, one durable commit, one push per console for the lot. Each request is answered
/// only after its own rows have committed, so a 202 or a DC-09 ACK still means "stored". When a batch fails on a
/// uniqueness conflict (the same signal raced in twice), its signals are stored one by one, and the one that lost
/// the race is answered with the alarm that won it.
/// </summary>
internal sealed class SignalGroupCommit(IServiceScopeFactory scopes, ILogger<SignalGroupCommit> logger) : BackgroundService
{
    /// <summary>Most signals in one transaction.</summary>
    public const int MaxBatch = 128;

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo(Loc.Ukrainian);

    // Below 100 signals/s most batches are one device's signal: that read is compiled once (see KnownDevice).
    private static readonly Func<Platform.Persistence.VartaDbContext, Guid, CancellationToken, Task<Device?>> DeviceById =
        EF.CompileAsyncQuery((Platform.Persistence.VartaDbContext db, Guid id, CancellationToken ct) => db.Set<Device>().FirstOrDefault(d => d.Id == id));

    private readonly Channel<PendingSignal> _queue = Channel.CreateUnbounded<PendingSignal>(new UnboundedChannelOptions { SingleReader = true });

    private long _batches;
    private long _signals;

    /// <summary>Transactions written so far, and the signals they carried (for tests and diagnostics).</summary>
    public (long Batches, long Signals) Written => (Interlocked.Read(ref _batches), Interlocked.Read(ref _signals));

    public async Task<Outcome<SignalAccepted>> SubmitAsync(PendingSignal signal, CancellationToken ct)
    {
        if (!_queue.Writer.TryWrite(signal))
        {
            throw new OperationCanceledException("The host is stopping.");
        }

        // Once queued, a signal is stored even if its sender gives up waiting: a retry finds it by its key.
        return await signal.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSignal>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }

            foreach (var item in batch)
            {
                item.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>Stores one batch and answers each of its signals. Internal for tests, which hand it batches directly.</summary>
    internal async Task WriteAsync(IReadOnlyList<PendingSignal> batch, CancellationToken ct)
    {
        // Events pushed to every console are written in the default language, whichever request brought them.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
        try
        {
            var answers = await StoreAsync(batch, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(answers[i]);
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _signals, batch.Count);
        }
        catch (DbUpdateException) when (batch.Count > 1)
        {
            // One of them raced a copy of itself that committed first: store each alone, so only that one is affected.
            logger.LogInformation("A batch of {Count} signals hit a conflict; storing them one by one", batch.Count);
            foreach (var signal in batch)
            {
                await WriteAsync([signal], ct);
            }
        }
        catch (DbUpdateException) when (batch[0].Work == SignalWork.Alarm)
        {
            var signal = batch[0];
            if (await FindRacedAsync(signal, ct) is { } raced)
            {
                signal.Done.TrySetResult(Outcome<SignalAccepted>.Ok(raced));
            }
            else
            {
                signal.Done.TrySetException(new InvalidOperationException("Storing an alarm failed on a conflict, and no stored copy was found."));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Storing a batch of {Count} signals failed", batch.Count);
            foreach (var signal in batch)
            {
                signal.Done.TrySetException(ex);
            }
        }
    }

    private async Task<Outcome<SignalAccepted>[]> StoreAsync(IReadOnlyList<PendingSignal> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Persistence.VartaDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<AlarmWriter>();

        var ids = batch.Select(s => s.DeviceId).Distinct().ToList();
        var devices = ids.Count == 1
            ? await DeviceById(db, ids[0], ct) is { } one ? new Dictionary<Guid, Device> { [one.Id] = one } : []
            : await db.Set<Device>().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);

        var answers = new Outcome<SignalAccepted>[batch.Count];
        var eventOf = new int?[batch.Count]; // the index among the saved events of the event that answers the signal
        var duplicate = new bool[batch.Count];
        var firstByKey = new Dictionary<(Guid, string), int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var signal = batch[i];
            if (!devices.TryGetValue(signal.DeviceId, out var device))
            {
                answers[i] = Outcome<SignalAccepted>.NotFound();
                continue;
            }

            var actor = Seen(writer, device, signal.ReceivedAt);
            switch (signal.Work)
            {
                case SignalWork.Seen:
                    answers[i] = Outcome<SignalAccepted>.Ok(new SignalAccepted(null, null, false));
                    break;

                case SignalWork.Disarmed:
                    eventOf[i] = writer.Pending;
                    writer.Change(null, device.SiteId, "intrusion-while-disarmed", actor, new { deviceId = device.Id, zoneId = signal.ZoneId, key = signal.Key });
                    break;

                case SignalWork.Alarm:
                    var alarm = signal.Alarm!;
                    if (firstByKey.TryGetValue((device.Id, alarm.IdempotencyKey!), out var first))
                    {
                        // The same signal twice in one batch (a retry close behind the original): one alarm.
                        (eventOf[i], duplicate[i]) = (eventOf[first], true);
                        break;
                    }

                    firstByKey[(device.Id, alarm.IdempotencyKey!)] = i;
                    if (alarm.Kind == AlarmKinds.Test)
                    {
                        device.LastTestAt = signal.ReceivedAt.UtcDateTime;
                    }

                    db.Set<Alarm>().Add(alarm);
                    eventOf[i] = writer.Pending;
                    writer.Change(alarm, device.SiteId, "raised", actor, new { alarmId = alarm.Id, kind = alarm.Kind, deviceId = device.Id, silent = alarm.Silent }, shown: signal.Shown);
                    break;
            }
        }

        var events = await writer.SaveAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (eventOf[i] is { } index)
            {
                answers[i] = Outcome<SignalAccepted>.Ok(new SignalAccepted(events[index].AlarmId, events[index].Seq, duplicate[i]));
            }
        }

        return answers;
    }

    /// <summary>Any signal shows the device is alive; one that was offline is back.</summary>
    internal static string Seen(AlarmWriter writer, Device device, DateTimeOffset at)
    {
        var actor = "device:" + device.Name;
        if (device.LastSeenAt is not { } last || last < at.UtcDateTime)
        {
            device.HeardAt(at.UtcDateTime);
        }

        if (device.Offline)
        {
            device.Offline = false;
            writer.Change(null, device.SiteId, "device-online", actor, new { deviceId = device.Id, device = device.Name });
        }

        return actor;
    }

    private async Task<SignalAccepted?> FindRacedAsync(PendingSignal signal, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<SignalHandler>();
        return await handler.FindAsync(signal.DeviceId, signal.Alarm!.IdempotencyKey!, ct);
    }
}
