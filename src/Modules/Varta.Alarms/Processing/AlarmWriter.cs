using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Processing;

/// <summary>Writes an alarm change as a feed event with its audit record, and turns stored rows into what consoles see.</summary>
internal sealed class AlarmWriter(VartaDbContext db, IAuditLog audit, TimeProvider clock, OrgDirectory org, AlarmNotifier notifier)
{
    private readonly List<(AlarmEvent Event, Alarm? Alarm)> _unpublished = [];

    public void Change(Alarm? alarm, Guid siteId, string kind, string actor, object? details = null, string? reason = null)
    {
        var now = clock.GetUtcNow();
        var e = new AlarmEvent
        {
            Id = Guid.CreateVersion7(now),
            AlarmId = alarm?.Id,
            SiteId = siteId,
            Kind = kind,
            At = now.UtcDateTime,
            Actor = actor,
            Payload = details is null ? "{}" : JsonSerializer.Serialize(details),
        };
        db.Set<AlarmEvent>().Add(e);
        audit.Record(new AuditRecord
        {
            Action = "alarms." + kind,
            Category = actor.StartsWith("device:", StringComparison.Ordinal) ? AuditCategory.Device : AuditCategory.Write,
            ResourceType = alarm is null ? "alarm-device" : "alarm",
            ResourceId = alarm?.Id.ToString(),
            OrgUnitId = siteId,
            Reason = reason,
            Details = e.Payload,
            ActorName = actor.StartsWith("device:", StringComparison.Ordinal) ? actor : null,
            ActorId = actor.StartsWith("device:", StringComparison.Ordinal) ? actor : null,
        });
        _unpublished.Add((e, alarm));
    }

    /// <summary>After the save has committed: push every event written through this writer.</summary>
    public async Task<IReadOnlyList<AlarmEventDto>> PublishAsync(CancellationToken ct)
    {
        var result = new List<AlarmEventDto>();
        foreach (var (e, alarm) in _unpublished)
        {
            var dto = new AlarmEventDto(e.Seq, e.AlarmId, e.SiteId, e.Kind, Utc(e.At), e.Actor, alarm is null ? null : await ToDtoAsync(alarm, ct));
            result.Add(dto);
            await notifier.PublishAsync(dto);
        }

        _unpublished.Clear();
        return result;
    }

    public async Task<AlarmDto> ToDtoAsync(Alarm a, CancellationToken ct)
    {
        var zone = a.ZoneId is { } z ? await db.Set<Zone>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == z, ct) : null;
        var device = a.DeviceId is { } d ? await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == d, ct) : null;
        return ToDto(a, zone, device, org);
    }

    public static AlarmDto ToDto(Alarm a, Zone? zone, Device? device, OrgDirectory org) => new(
        a.Id, a.SiteId, org.Current.Find(a.SiteId)?.DisplayName ?? "", a.ZoneId,
        zone is null ? null : Platform.Localization.Loc.IsEnglish ? zone.NameEn : zone.Name, zone?.Floor,
        a.DeviceId, device?.Name, a.Kind, a.Priority, a.Silent, a.Latitude, a.Longitude, a.AccuracyMeters, a.Status,
        Utc(a.RaisedAt), Utc(a.ReceivedAt), a.AcknowledgedAt is { } ack ? Utc(ack) : null, a.AcknowledgedBy,
        a.DispatchedAt is { } dis ? Utc(dis) : null, a.Responders, a.ResolvedAt is { } res ? Utc(res) : null, a.Outcome,
        a.EscalationLevel, a.RaisedByUserId is not null);

    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
