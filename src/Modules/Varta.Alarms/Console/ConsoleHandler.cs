using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Processing;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Console;

internal static class Outcomes
{
    public static readonly string[] All = ["real", "false", "test", "technical"];
}

/// <summary>The monitoring centre's actions on an alarm, and what a console reads: open alarms and the feed.</summary>
internal sealed class ConsoleHandler(VartaDbContext db, Access access, AlarmWriter writer, OrgDirectory org, TimeProvider clock, Loc loc)
{
    public async Task<IReadOnlyList<AlarmDto>> OpenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var sites = Sites(user);
        var alarms = await db.Set<Alarm>().AsNoTracking().Where(a => a.Status != AlarmStatus.Resolved && sites.Contains(a.SiteId))
            .OrderBy(a => a.Priority).ThenBy(a => a.ReceivedAt).Take(500).ToListAsync(ct);
        return await ToDtosAsync(alarms, ct);
    }

    public async Task<Outcome<AlarmDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return alarm is null || !access.Allows(user, alarm.SiteId, AlarmHub.ConsoleRoles)
            ? Outcome<AlarmDto>.NotFound()
            : Outcome<AlarmDto>.Ok(await writer.ToDtoAsync(alarm, ct));
    }

    /// <summary>Everything after <paramref name="after"/> in the caller's sites, in commit order: how a console catches up.</summary>
    public async Task<IReadOnlyList<AlarmEventDto>> FeedAsync(ClaimsPrincipal user, long after, int limit, CancellationToken ct)
    {
        var sites = Sites(user);
        var events = await db.Set<AlarmEvent>().AsNoTracking().Where(e => e.Seq > after && sites.Contains(e.SiteId))
            .OrderBy(e => e.Seq).Take(limit).ToListAsync(ct);
        var ids = events.Where(e => e.AlarmId != null).Select(e => e.AlarmId!.Value).Distinct().ToList();
        var alarms = (await ToDtosAsync(await db.Set<Alarm>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct), ct)).ToDictionary(a => a.Id);
        return events.Select(e => new AlarmEventDto(e.Seq, e.AlarmId, e.SiteId, e.Kind, AlarmWriter.Utc(e.At), e.Actor,
            e.AlarmId is { } a ? alarms.GetValueOrDefault(a) : null)).ToList();
    }

    /// <summary>
    /// The story of each alarm, oldest first, as a console shows it under the alarm: raised, acknowledged, notes,
    /// dispatches, escalations and the panel's restores.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<TimelineItem>>> TimelinesAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> alarmIds, CancellationToken ct)
    {
        var sites = Sites(user);
        var ids = alarmIds.Select(id => (Guid?)id).ToList();
        var events = await db.Set<AlarmEvent>().AsNoTracking().Where(e => ids.Contains(e.AlarmId) && sites.Contains(e.SiteId))
            .OrderBy(e => e.Seq).ToListAsync(ct);
        return events.GroupBy(e => e.AlarmId!.Value).ToDictionary(g => g.Key,
            g => (IReadOnlyList<TimelineItem>)g.Select(TimelineItem.From).ToList());
    }

    public Task<Outcome<AlarmDto>> AcknowledgeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        ActAsync(user, id, "acknowledged", a =>
        {
            if (a.Status != AlarmStatus.Open)
            {
                return "alarms.problem.already-acknowledged";
            }

            a.Status = AlarmStatus.Acknowledged;
            a.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedBy = user.Identity?.Name;
            return null;
        }, null, ct);

    public async Task<Outcome<AlarmDto>> DispatchAsync(ClaimsPrincipal user, Guid id, DispatchRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("note", request.Note, 2000);
        var responders = request.Responders?.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList() ?? [];
        if (responders.Count == 0)
        {
            v.Fail("responders", "required");
        }
        else if (responders.Count > 20 || responders.Any(r => r.Length > 100))
        {
            v.Fail("responders", "list-required", 20);
        }

        if (!v.IsValid)
        {
            return Outcome<AlarmDto>.Invalid(v);
        }

        return await ActAsync(user, id, "dispatched", a =>
        {
            if (a.Status == AlarmStatus.Resolved)
            {
                return "alarms.problem.resolved";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedAt ??= now;
            a.AcknowledgedBy ??= user.Identity?.Name;
            a.Status = AlarmStatus.Dispatched;
            a.DispatchedAt ??= now;
            a.Responders = string.Join(", ", responders);
            return null;
        }, new { responders, note = request.Note }, ct);
    }

    public async Task<Outcome<AlarmDto>> ResolveAsync(ClaimsPrincipal user, Guid id, ResolveRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("outcome", request.Outcome, Outcomes.All).MaxLength("note", request.Note, 2000);
        if (!v.IsValid)
        {
            return Outcome<AlarmDto>.Invalid(v);
        }

        return await ActAsync(user, id, "resolved", a =>
        {
            if (a.Status == AlarmStatus.Resolved)
            {
                return "alarms.problem.resolved";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedAt ??= now;
            a.AcknowledgedBy ??= user.Identity?.Name;
            a.Status = AlarmStatus.Resolved;
            a.ResolvedAt = now;
            a.ResolvedBy = user.Identity?.Name;
            a.Outcome = request.Outcome;
            return null;
        }, new { outcome = request.Outcome, note = request.Note }, ct);
    }

    public async Task<Outcome<AlarmDto>> NoteAsync(ClaimsPrincipal user, Guid id, NoteRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("text", request.Text, 2000);
        return v.IsValid ? await ActAsync(user, id, "note", _ => null, new { text = request.Text }, ct) : Outcome<AlarmDto>.Invalid(v);
    }

    private async Task<Outcome<AlarmDto>> ActAsync(ClaimsPrincipal user, Guid id, string kind, Func<Alarm, string?> change, object? details, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null || !access.Allows(user, alarm.SiteId, AlarmHub.ConsoleRoles))
        {
            return Outcome<AlarmDto>.NotFound();
        }

        if (change(alarm) is { } conflict)
        {
            return Outcome<AlarmDto>.Conflict(conflict);
        }

        alarm.Version++;
        writer.Change(alarm, alarm.SiteId, kind, user.Identity?.Name ?? "?", details ?? new { alarmId = alarm.Id });
        IReadOnlyList<AlarmEventDto> events;
        try
        {
            events = await writer.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AlarmDto>.Conflict("alarms.problem.concurrent-change");
        }

        return Outcome<AlarmDto>.Ok(events[^1].Alarm!);
    }

    private List<Guid> Sites(ClaimsPrincipal user) => access.SitesFor(user, SiteKinds.CourtBuilding, AlarmHub.ConsoleRoles).Select(s => s.Id).ToList();

    private async Task<IReadOnlyList<AlarmDto>> ToDtosAsync(List<Alarm> alarms, CancellationToken ct)
    {
        var zoneIds = alarms.Where(a => a.ZoneId != null).Select(a => a.ZoneId!.Value).Distinct().ToList();
        var deviceIds = alarms.Where(a => a.DeviceId != null).Select(a => a.DeviceId!.Value).Distinct().ToList();
        var zones = await db.Set<Zone>().AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, ct);
        var devices = await db.Set<Device>().AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var consented = await AlarmWriter.ConsentedAsync(db, alarms, ct);
        return alarms.Select(a => AlarmWriter.ToDto(a, a.ZoneId is { } z ? zones.GetValueOrDefault(z) : null,
            a.DeviceId is { } d ? devices.GetValueOrDefault(d) : null, org, consented)).ToList();
    }
}
