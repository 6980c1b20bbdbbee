using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;
using Varta.Threats.Data;
using Varta.Threats.Measures;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Threats.Incidents;

/// <summary>
/// Incidents and their debriefs (000 #9): entered by hand or from a resolved alarm (through Alarms' contracts), debriefed
/// (timeline, what worked, what did not, lessons), with action items followed to closure. Lessons are searchable across
/// courts, without names.
/// </summary>
internal sealed class IncidentService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, PeopleDirectory people, IAuditLog audit,
    TimeProvider clock, Loc loc, IAlarmHistory alarms)
{
    public async Task<Outcome<IncidentDto>> OpenAsync(ClaimsPrincipal user, IncidentRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var v = new Validator(loc).OneOf("kind", request.Kind, IncidentKinds.All).Required("summary", request.Summary, 4000);
        ResolvedAlarm? alarm = null;
        DateTimeOffset? occurred = null;
        if (request.AlarmId is { } alarmId)
        {
            alarm = await alarms.FindResolvedAsync(alarmId, ct);
            if (alarm is null)
            {
                v.Fail("alarmId", "threats.alarm-unknown");
            }
        }
        else
        {
            v.Required("courtId", request.CourtId);
            occurred = v.Instant("occurredAt", request.OccurredAt, now, required: true);
        }

        if (!v.IsValid)
        {
            return Outcome<IncidentDto>.Invalid(v);
        }

        var courtId = alarm?.SiteId ?? request.CourtId!.Value;
        if (org.Current.Find(courtId) is not { SiteKind: SiteKinds.CourtBuilding } || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, courtId))
        {
            return alarm is null ? Outcome<IncidentDto>.NotFound() : Outcome<IncidentDto>.Invalid(new Validator(loc).Fail("alarmId", "threats.alarm-unknown"));
        }

        if (alarm is not null && await db.Set<Incident>().AnyAsync(i => i.AlarmId == alarm.Id, ct))
        {
            return Outcome<IncidentDto>.Conflict("threats.alarm-has-incident");
        }

        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            CourtId = courtId,
            OccurredAt = (alarm?.RaisedAt ?? occurred!.Value).UtcDateTime,
            Kind = request.Kind!,
            OnPremises = alarm is not null || (request.OnPremises ?? true),
            Summary = request.Summary!.Trim(),
            AlarmId = alarm?.Id,
            AlarmTimeline = alarm is null ? null : AlarmTimeline(alarm),
        };
        db.Add(incident);
        audit.Record(new AuditRecord
        {
            Action = "threats.incident.opened", ResourceType = "threat-incident", ResourceId = incident.Id.ToString(), OrgUnitId = courtId,
            OccurredAt = Utc(incident.OccurredAt), Details = JsonSerializer.Serialize(new { incident.Kind, incident.AlarmId, incident.OnPremises }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (alarm is not null)
        {
            return Outcome<IncidentDto>.Conflict("threats.alarm-has-incident");
        }

        return Outcome<IncidentDto>.Ok(ToDto(incident, []));
    }

    /// <summary>The incidents at the courts the caller debriefs, newest first.</summary>
    public async Task<IReadOnlyList<IncidentDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var courts = await CourtIdsAsync(user);
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => courts.Contains(i.CourtId)).OrderByDescending(i => i.OccurredAt).Take(200).ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var items = (await db.Set<ActionItem>().AsNoTracking().Where(a => ids.Contains(a.IncidentId)).ToListAsync(ct)).ToLookup(a => a.IncidentId);
        await audit.AppendAsync(new AuditRecord { Action = "threats.incidents.read", Category = AuditCategory.Read, ResourceType = "threat-incident", Details = JsonSerializer.Serialize(new { count = incidents.Count }) }, ct);
        return incidents.Select(i => ToDto(i, items[i.Id])).ToList();
    }

    public async Task<Outcome<IncidentDto>> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, incident.CourtId))
        {
            return Outcome<IncidentDto>.NotFound();
        }

        var items = await db.Set<ActionItem>().AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.incident.read", Category = AuditCategory.Read, ResourceType = "threat-incident", ResourceId = id.ToString(), OrgUnitId = incident.CourtId }, ct);
        return Outcome<IncidentDto>.Ok(ToDto(incident, items));
    }

    /// <summary>Records (or rewrites) the debrief; the incident becomes "debriefed". A closed incident is not changed (409).</summary>
    public async Task<Outcome<IncidentDto>> DebriefAsync(ClaimsPrincipal user, Guid id, DebriefRequest request, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, incident.CourtId))
        {
            return Outcome<IncidentDto>.NotFound();
        }

        var v = new Validator(loc).MaxLength("timeline", request.Timeline, 8000).MaxLength("wentWell", request.WentWell, 4000)
            .MaxLength("wentBadly", request.WentBadly, 4000).Required("lessons", request.Lessons, 4000);
        if (!v.IsValid)
        {
            return Outcome<IncidentDto>.Invalid(v);
        }

        if (incident.Status == "closed")
        {
            return Outcome<IncidentDto>.Conflict("threats.incident-closed");
        }

        incident.Timeline = Clean(request.Timeline);
        incident.WentWell = Clean(request.WentWell);
        incident.WentBadly = Clean(request.WentBadly);
        incident.Lessons = request.Lessons!.Trim();
        incident.DebriefedAt = clock.GetUtcNow().UtcDateTime;
        incident.DebriefedBy = CaseLog.NameOf(user);
        incident.Status = "debriefed";
        incident.Version++;
        audit.Record(new AuditRecord { Action = "threats.incident.debriefed", ResourceType = "threat-incident", ResourceId = id.ToString(), OrgUnitId = incident.CourtId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<IncidentDto>.Conflict("threats.changed");
        }

        var items = await db.Set<ActionItem>().AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        return Outcome<IncidentDto>.Ok(ToDto(incident, items));
    }

    /// <summary>An action item with an owner who works at the court (or over it) and a due date.</summary>
    public async Task<Outcome<ActionItemDto>> AddActionAsync(ClaimsPrincipal user, Guid id, ActionItemRequest request, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, incident.CourtId))
        {
            return Outcome<ActionItemDto>.NotFound();
        }

        var v = new Validator(loc).Required("text", request.Text, 2000).Required("ownerUserId", request.OwnerUserId);
        var due = MeasureService.Date(v, "dueOn", request.DueOn, required: true);

        string? owner = null;
        if (request.OwnerUserId is { } ownerId)
        {
            owner = await people.WorksAtAsync(ownerId, incident.CourtId, ct) ? (await people.DescribeAsync(ownerId, incident.CourtId, [], ct))?.DisplayName : null;
            if (owner is null)
            {
                v.Fail("ownerUserId", "threats.not-at-court");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<ActionItemDto>.Invalid(v);
        }

        if (incident.Status == "closed")
        {
            return Outcome<ActionItemDto>.Conflict("threats.incident-closed");
        }

        var item = new ActionItem
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), IncidentId = id, Text = request.Text!.Trim(), OwnerUserId = request.OwnerUserId!.Value, OwnerName = owner!, DueOn = due!.Value,
        };
        db.Add(item);
        incident.Version++;
        audit.Record(new AuditRecord
        {
            Action = "threats.action-item.added", ResourceType = "threat-incident", ResourceId = id.ToString(), OrgUnitId = incident.CourtId,
            Details = JsonSerializer.Serialize(new { itemId = item.Id, item.OwnerUserId, item.DueOn }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<ActionItemDto>.Ok(ToDto(item, Today()));
    }

    /// <summary>An action item is done: by its owner, or by someone who debriefs at the court.</summary>
    public async Task<Outcome<ActionItemDto>> DoneAsync(ClaimsPrincipal user, Guid itemId, ActionDoneRequest request, CancellationToken ct)
    {
        var item = await db.Set<ActionItem>().FirstOrDefaultAsync(a => a.Id == itemId, ct);
        var incident = item is null ? null : await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == item.IncidentId, ct);
        if (item is null || incident is null
            || (item.OwnerUserId != user.UserId() && !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, incident.CourtId)))
        {
            return Outcome<ActionItemDto>.NotFound();
        }

        var v = new Validator(loc).Required("note", request.Note, 2000);
        if (!v.IsValid)
        {
            return Outcome<ActionItemDto>.Invalid(v);
        }

        if (item.Status == "done")
        {
            return Outcome<ActionItemDto>.Conflict("threats.action-done");
        }

        item.Status = "done";
        item.DoneAt = clock.GetUtcNow().UtcDateTime;
        item.DoneNote = request.Note!.Trim();
        item.Version++;
        audit.Record(new AuditRecord { Action = "threats.action-item.done", ResourceType = "threat-incident", ResourceId = incident.Id.ToString(), OrgUnitId = incident.CourtId, Details = JsonSerializer.Serialize(new { itemId }) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ActionItemDto>.Conflict("threats.changed");
        }

        return Outcome<ActionItemDto>.Ok(ToDto(item, Today()));
    }

    /// <summary>Closes a debriefed incident whose action items are all done (409 otherwise).</summary>
    public async Task<Outcome<IncidentDto>> CloseAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var incident = await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !await authorization.AllowsAsync(user, ThreatsPolicies.ManageIncidents, incident.CourtId))
        {
            return Outcome<IncidentDto>.NotFound();
        }

        var items = await db.Set<ActionItem>().AsNoTracking().Where(a => a.IncidentId == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        if (incident.Status != "debriefed")
        {
            return Outcome<IncidentDto>.Conflict(incident.Status == "closed" ? "threats.incident-closed" : "threats.incident-not-debriefed");
        }

        if (items.Any(a => a.Status != "done"))
        {
            return Outcome<IncidentDto>.Conflict("threats.actions-open", items.Count(a => a.Status != "done"));
        }

        incident.Status = "closed";
        incident.ClosedAt = clock.GetUtcNow().UtcDateTime;
        incident.Version++;
        audit.Record(new AuditRecord { Action = "threats.incident.closed", ResourceType = "threat-incident", ResourceId = id.ToString(), OrgUnitId = incident.CourtId });
        await db.SaveChangesAsync(ct);
        return Outcome<IncidentDto>.Ok(ToDto(incident, items));
    }

    /// <summary>The caller's own open action items, wherever they are, soonest due first.</summary>
    public async Task<IReadOnlyList<ActionItemDto>> MyActionsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var today = Today();
        var items = await db.Set<ActionItem>().AsNoTracking().Where(a => a.OwnerUserId == me && a.Status == "open").OrderBy(a => a.DueOn).Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "threats.action-items.mine.read", Category = AuditCategory.Read, ResourceType = "threat-incident", Details = JsonSerializer.Serialize(new { count = items.Count }) }, ct);
        return items.Select(a => ToDto(a, today)).ToList();
    }

    /// <summary>
    /// Lessons of debriefed incidents at every court, matching the words asked (all of them, in the lessons, what worked
    /// or what did not), newest first: no names, no summary.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<LessonDto>>> LessonsAsync(string? q, string? kind, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("q", q, 200);
        if (kind is not null)
        {
            v.OneOf("kind", kind, IncidentKinds.All);
        }

        if (!v.IsValid)
        {
            return Outcome<IReadOnlyList<LessonDto>>.Invalid(v);
        }

        var query = db.Set<Incident>().AsNoTracking().Where(i => i.Lessons != null);
        if (kind is not null)
        {
            query = query.Where(i => i.Kind == kind);
        }

        // Matched here, case-insensitively in any language (SQLite's LIKE folds ASCII only): the debriefed incidents are few.
        var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = await query.OrderByDescending(i => i.OccurredAt).Take(5000).ToListAsync(ct);
        var found = rows.Where(i => words.All(w => $"{i.Lessons} {i.WentWell} {i.WentBadly}".Contains(w, StringComparison.CurrentCultureIgnoreCase))).Take(100)
            .Select(i => new LessonDto(i.Id, org.Current.Find(i.CourtId)?.DisplayName ?? "", Utc(i.OccurredAt), i.Kind, i.OnPremises, i.Lessons, i.WentWell, i.WentBadly))
            .ToList();
        await audit.AppendAsync(new AuditRecord { Action = "threats.lessons.searched", Category = AuditCategory.Read, ResourceType = "threat-incident", Details = JsonSerializer.Serialize(new { q, kind, count = found.Count }) }, ct);
        return Outcome<IReadOnlyList<LessonDto>>.Ok(found);
    }

    /// <summary>Resolved alarms of the last 90 days at the courts the caller debriefs that have no incident yet.</summary>
    public async Task<IReadOnlyList<ResolvedAlarmDto>> AlarmsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var courts = await CourtIdsAsync(user);
        var resolved = await alarms.ResolvedAsync(courts, clock.GetUtcNow().AddDays(-90), 200, ct);
        var ids = resolved.Select(a => a.Id).ToList();
        var taken = (await db.Set<Incident>().AsNoTracking().Where(i => i.AlarmId != null && ids.Contains(i.AlarmId.Value)).Select(i => i.AlarmId!.Value).ToListAsync(ct)).ToHashSet();
        return resolved.Where(a => !taken.Contains(a.Id)).Select(a => new ResolvedAlarmDto(a.Id, a.SiteId, org.Current.Find(a.SiteId)?.DisplayName ?? "", a.Kind,
            Loc.IsEnglish ? a.ZoneNameEn : a.ZoneName, a.RaisedAt, a.ResolvedAt, a.Outcome)).ToList();
    }

    /// <summary>The courts the caller debriefs incidents at.</summary>
    public async Task<IReadOnlyList<CourtOptionDto>> CourtsAsync(ClaimsPrincipal user) =>
        (await authorization.SitesAsync(user, ThreatsPolicies.ManageIncidents, org.Current, SiteKinds.CourtBuilding))
        .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).Select(s => new CourtOptionDto(s.Id, s.DisplayName)).ToList();

    /// <summary>Who may own an action item at a court: its security officers, analysts and unit heads over it.</summary>
    public Task<IReadOnlyList<PersonOptionDto>> OwnersAsync(Guid courtId, CancellationToken ct) =>
        CaseQueries.PeopleAsync(people, courtId, [Roles.SecurityOfficer, Roles.ThreatAnalyst, Roles.UnitHead, Roles.CourtStaff], ct);

    private async Task<List<Guid>> CourtIdsAsync(ClaimsPrincipal user) =>
        (await authorization.SitesAsync(user, ThreatsPolicies.ManageIncidents, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();

    private DateOnly Today() => KyivTime.DayOf(clock.GetUtcNow());

    private static string AlarmTimeline(ResolvedAlarm a) => string.Join("\n", new[]
    {
        $"raised {KyivTime.Format(a.RaisedAt)}",
        $"received {KyivTime.Format(a.ReceivedAt)}",
        a.AcknowledgedAt is { } ack ? $"acknowledged {KyivTime.Format(ack)}" : null,
        a.DispatchedAt is { } d ? $"dispatched {KyivTime.Format(d)}" : null,
        $"resolved {KyivTime.Format(a.ResolvedAt)}",
        a.Outcome is { } o ? $"outcome: {o}" : null,
        $"kind: {a.Kind}{(a.ZoneName is { } z ? $", {z}" : "")}",
    }.Where(x => x is not null));

    private IncidentDto ToDto(Incident i, IEnumerable<ActionItem> items)
    {
        var today = Today();
        return new IncidentDto(i.Id, i.CourtId, org.Current.Find(i.CourtId)?.DisplayName ?? "", Utc(i.OccurredAt), i.Kind, i.OnPremises, i.Summary, i.AlarmId,
            i.AlarmTimeline, i.Status, i.Timeline, i.WentWell, i.WentBadly, i.Lessons, Utc(i.DebriefedAt), i.DebriefedBy, Utc(i.RecordedAt),
            items.Select(a => ToDto(a, today)).ToList());
    }

    private static ActionItemDto ToDto(ActionItem a, DateOnly today) =>
        new(a.Id, a.IncidentId, a.Text, a.OwnerUserId, a.OwnerName, a.DueOn, a.Status, Utc(a.DoneAt), a.DoneNote, a.Status == "open" && a.DueOn < today);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
