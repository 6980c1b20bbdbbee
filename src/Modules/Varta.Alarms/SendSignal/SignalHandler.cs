using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Arming;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Alarms.Feed;
using Varta.Alarms.ReceiveDc09;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.SendSignal;

/// <summary>
/// One signal from one device, whichever way it came (HTTP or DC-09): stored durably, with its feed event
/// and audit record, before anyone is answered or any console is told. The same idempotency key from the
/// same device makes one alarm.
/// </summary>
internal sealed class SignalHandler(VartaDbContext db, AlarmWriter writer, SignalGroupCommit commits, ArmingRules arming, TimeProvider clock, Loc loc,
    Platform.Organisation.OrgDirectory org, PeopleDirectory people)
{
    /// <summary>Which of a person's roles names them on a console card, when they hold several in the building.</summary>
    private static readonly string[] WhoFirst = [Roles.Judge, Roles.CourtStaff, Roles.SecurityOfficer, Roles.Dispatcher, Roles.UnitHead];

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>How long a device may hold a signal (offline, queued) and still send it with the time it happened.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    public Task<Outcome<SignalAccepted>> HandleAsync(Guid deviceId, SignalRequest request, CancellationToken ct) => HandleAsync(deviceId, request, null, null, ct);

    /// <param name="panelRef">For a panel's event, which condition it is (see <see cref="Dc09Ingest.PanelRef"/>).</param>
    /// <param name="known">The device (and its zone) as its authentication read it moments ago; read here otherwise.</param>
    /// <param name="panelText">For a panel's event, what it said (code, meaning, zone, text; the raw data when unrecognised).</param>
    public async Task<Outcome<SignalAccepted>> HandleAsync(Guid deviceId, SignalRequest request, string? panelRef, KnownDevice? known, CancellationToken ct,
        string? panelText = null)
    {
        // Read only: the group commit updates the device (last seen, back online) with the signal's own rows.
        known = known?.Device.Id == deviceId ? known : await KnownDevice.FindAsync(db, deviceId, ct);
        if (known is null)
        {
            return Outcome<SignalAccepted>.NotFound();
        }

        var device = known.Device;

        var now = clock.GetUtcNow();
        var v = new Validator(loc).OneOf("kind", request.Kind, AlarmKinds.Signals);
        if (request.Kind != AlarmKinds.Heartbeat)
        {
            v.Required("idempotencyKey", request.IdempotencyKey, 100);
        }

        if (request.Location is { } location)
        {
            if (location.Latitude is not (>= -90 and <= 90))
            {
                v.Fail("location.latitude", "range", -90, 90);
            }

            if (location.Longitude is not (>= -180 and <= 180))
            {
                v.Fail("location.longitude", "range", -180, 180);
            }

            if (location.Accuracy is < 0 or > 100_000)
            {
                v.Fail("location.accuracy", "range", 0, 100_000);
            }
        }

        var raisedAt = now;
        if (v.Instant("occurredAt", request.OccurredAt, now, required: false) is { } occurred)
        {
            // It decides whether the building counted as armed: with its offset, not from the future, not from long ago.
            raisedAt = occurred;
            if (raisedAt > now + Skew)
            {
                v.Fail("occurredAt", "not-in-future");
            }
            else if (raisedAt < now - MaxAge)
            {
                v.Fail("occurredAt", "signal-too-old", MaxAge.TotalHours);
            }
        }

        var zoneId = request.ZoneId ?? device.ZoneId;
        var zone = known.Zone;
        if (request.ZoneId is { } z && z != zone?.Id)
        {
            zone = await db.Set<Zone>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == z && x.SiteId == device.SiteId, ct);
            if (zone is null)
            {
                v.Fail("zoneId", "unknown-zone");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<SignalAccepted>.Invalid(v);
        }

        if (request.Kind == AlarmKinds.Heartbeat)
        {
            return await commits.SubmitAsync(new PendingSignal(device.Id, now, SignalWork.Seen), ct);
        }

        if (await FindAsync(device.Id, request.IdempotencyKey!, ct) is { } existing)
        {
            var seen = await commits.SubmitAsync(new PendingSignal(device.Id, now, SignalWork.Seen), ct);
            return seen.IsOk ? Outcome<SignalAccepted>.Ok(existing with { Duplicate = true }) : seen;
        }

        if (request.Kind == AlarmKinds.Intrusion && !await arming.IsArmedAsync(device.SiteId, raisedAt, ct))
        {
            // Disarmed (working hours): kept in the feed and the audit log, but nobody is called out.
            return await commits.SubmitAsync(new PendingSignal(device.Id, now, SignalWork.Disarmed) { ZoneId = zoneId, Key = request.IdempotencyKey }, ct);
        }

        var isTest = AlarmKinds.ClosesItself(request.Kind!);
        var alarm = new Alarm
        {
            Id = Guid.CreateVersion7(now),
            SiteId = device.SiteId,
            ZoneId = zoneId,
            DeviceId = device.Id,
            Kind = request.Kind!,
            Priority = AlarmKinds.Priority(request.Kind!),
            Silent = request.Silent ?? false,
            Latitude = request.Location?.Latitude,
            Longitude = request.Location?.Longitude,
            AccuracyMeters = request.Location?.Accuracy,
            IdempotencyKey = request.IdempotencyKey,
            RaisedByUserId = device.OwnerUserId,
            PanelRef = panelRef,
            PanelText = panelText,
            RaisedAt = raisedAt.UtcDateTime,
            ReceivedAt = now.UtcDateTime,
        };
        if (device.OwnerUserId is { } owner && await people.DescribeAsync(owner, device.SiteId, WhoFirst, ct) is { } who)
        {
            // Who pressed, as they were at the press: a later change of name or role does not rewrite the alarm.
            alarm.RaisedByName = who.DisplayName;
            alarm.RaisedByRole = who.Role;
        }

        if (isTest)
        {
            // A daily button test is logged as an alarm that closes itself, so it counts in statistics but calls nobody.
            alarm.Status = AlarmStatus.Resolved;
            alarm.Outcome = request.Kind == AlarmKinds.Test ? "test" : "information";
            alarm.ResolvedAt = now.UtcDateTime;
            alarm.ResolvedBy = "device:" + device.Name;
        }

        // What consoles are shown of it is read here, in parallel with other requests, not by the one writer; in the
        // default language, as every console gets the same push.
        var consented = device.OwnerUserId is null ? [] : await AlarmWriter.ConsentedAsync(db, [alarm], ct);
        var shown = AlarmWriter.ToDto(alarm, zone, device, org, consented, english: false);

        // Stored with whatever other signals are waiting, in one transaction; answered once it is durable.
        return await commits.SubmitAsync(new PendingSignal(device.Id, now, SignalWork.Alarm) { Alarm = alarm, Shown = shown }, ct);
    }

    /// <summary>
    /// A panel reports that a condition has cleared. That counts as a heartbeat; and each open alarm of the same
    /// condition from this device gets a "restored" event on its timeline (once), while staying open for a person
    /// to resolve: a restored zone says nothing about why it was alarmed.
    /// </summary>
    public async Task<Outcome<SignalAccepted>> RestoreAsync(Guid deviceId, string? panelRef, string code, string? zone, CancellationToken ct)
    {
        var device = await db.Set<Device>().FirstOrDefaultAsync(d => d.Id == deviceId && d.Enabled, ct);
        if (device is null)
        {
            return Outcome<SignalAccepted>.NotFound();
        }

        var actor = SignalGroupCommit.Seen(writer, device, clock.GetUtcNow());
        var open = panelRef is null
            ? []
            : await db.Set<Alarm>().AsNoTracking()
                .Where(a => a.DeviceId == deviceId && a.PanelRef == panelRef && a.Status != AlarmStatus.Resolved)
                .Where(a => !db.Set<AlarmEvent>().Any(e => e.AlarmId == a.Id && e.Kind == "restored"))
                .OrderBy(a => a.ReceivedAt).ToListAsync(ct);
        foreach (var alarm in open)
        {
            writer.Change(alarm, device.SiteId, "restored", actor, new { alarmId = alarm.Id, code, zone });
        }

        var events = await writer.SaveAsync(ct);
        return Outcome<SignalAccepted>.Ok(new SignalAccepted(open.Count > 0 ? open[0].Id : null, events.Count > 0 ? events[^1].Seq : null, false));
    }

    // Compiled once: every new signal asks it (see KnownDevice).
    private static readonly Func<VartaDbContext, Guid, string, CancellationToken, Task<RaisedAs?>> Raised =
        EF.CompileAsyncQuery((VartaDbContext db, Guid deviceId, string key, CancellationToken ct) =>
            db.Set<Alarm>().AsNoTracking()
                .Where(a => a.DeviceId == deviceId && a.IdempotencyKey == key)
                .Select(a => new RaisedAs(a.Id, db.Set<AlarmEvent>().Where(e => e.AlarmId == a.Id && e.Kind == "raised").Select(e => (long?)e.Seq).FirstOrDefault()))
                .FirstOrDefault());

    private sealed record RaisedAs(Guid AlarmId, long? Seq);

    internal async Task<SignalAccepted?> FindAsync(Guid deviceId, string key, CancellationToken ct)
    {
        var alarm = await Raised(db, deviceId, key, ct);
        if (alarm is null)
        {
            return null;
        }

        // Every stored alarm has its "raised" event, written in the same transaction.
        return new SignalAccepted(alarm.AlarmId, alarm.Seq ?? throw new InvalidOperationException($"Alarm {alarm.AlarmId} has no raised event."), true);
    }
}
