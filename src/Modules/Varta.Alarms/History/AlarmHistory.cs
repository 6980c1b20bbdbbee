using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Persistence;

namespace Varta.Alarms.History;

/// <summary>Alarms' <see cref="IAlarmHistory"/>: resolved alarms with their zone, read-only.</summary>
internal sealed class AlarmHistory(VartaDbContext db) : IAlarmHistory
{
    private static readonly string[] NotIncidents = ["test", "fault", "device-offline"];

    public async Task<IReadOnlyList<ResolvedAlarm>> ResolvedAsync(IReadOnlyCollection<Guid> siteIds, DateTimeOffset since, int limit, CancellationToken ct)
    {
        var sites = siteIds.ToList();
        var start = since.UtcDateTime;
        var rows = await (from a in db.Set<Alarm>().AsNoTracking()
                          where sites.Contains(a.SiteId) && a.Status == AlarmStatus.Resolved && a.ResolvedAt >= start && !NotIncidents.Contains(a.Kind)
                          join z in db.Set<Zone>().AsNoTracking() on a.ZoneId equals z.Id into zones
                          from z in zones.DefaultIfEmpty()
                          orderby a.ResolvedAt descending
                          select new { a, ZoneName = (string?)z!.Name, ZoneNameEn = (string?)z.NameEn }).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return rows.Select(r => ToDto(r.a, r.ZoneName, r.ZoneNameEn)).ToList();
    }

    public async Task<ResolvedAlarm?> FindResolvedAsync(Guid id, CancellationToken ct)
    {
        var row = await (from a in db.Set<Alarm>().AsNoTracking()
                         where a.Id == id && a.Status == AlarmStatus.Resolved
                         join z in db.Set<Zone>().AsNoTracking() on a.ZoneId equals z.Id into zones
                         from z in zones.DefaultIfEmpty()
                         select new { a, ZoneName = (string?)z!.Name, ZoneNameEn = (string?)z.NameEn }).FirstOrDefaultAsync(ct);
        return row is null ? null : ToDto(row.a, row.ZoneName, row.ZoneNameEn);
    }

    private static ResolvedAlarm ToDto(Alarm a, string? zone, string? zoneEn) => new(
        a.Id, a.SiteId, a.Kind, zone, zoneEn, AlarmWriter.Utc(a.RaisedAt), AlarmWriter.Utc(a.ReceivedAt), a.AcknowledgedAt is { } ack ? AlarmWriter.Utc(ack) : null,
        a.DispatchedAt is { } d ? AlarmWriter.Utc(d) : null, AlarmWriter.Utc(a.ResolvedAt!.Value), a.Outcome);
}
