using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.Devices;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Reports;

internal sealed record DurationStats(int Count, double? MedianSeconds, double? P90Seconds);

internal sealed record SiteStats(Guid SiteId, string SiteName, int Alarms, DurationStats ToAcknowledge, DurationStats ToDispatch, DurationStats ToResolve,
    int Resolved, int False, double? FalseRate, IReadOnlyList<DeviceFalseRate> Devices);

internal sealed record DeviceFalseRate(Guid DeviceId, string Name, int Alarms, int False, double? FalseRate);

internal sealed record UntestedButton(Guid DeviceId, string Name, Guid SiteId, string SiteName, DateTimeOffset? LastTestAt);

/// <summary>How fast the monitoring centre answers, how often alarms are false, and which buttons were not tested today.</summary>
internal sealed class AlarmReports(VartaDbContext db, Access access, OrgDirectory org, TimeProvider clock)
{
    public async Task<IReadOnlyList<SiteStats>> StatsAsync(ClaimsPrincipal user, int days, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var sites = access.SitesFor(user, SiteKinds.CourtBuilding, DeviceAdmin.Viewers);
        var ids = sites.Select(s => s.Id).ToList();
        var alarms = await db.Set<Alarm>().AsNoTracking().Where(a => ids.Contains(a.SiteId) && a.ReceivedAt >= since && a.Kind != AlarmKinds.DeviceOffline).ToListAsync(ct);
        var devices = await db.Set<Device>().AsNoTracking().Where(d => ids.Contains(d.SiteId)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return sites.Select(site =>
        {
            var mine = alarms.Where(a => a.SiteId == site.Id).ToList();
            var resolved = mine.Where(a => a.Outcome is not null).ToList();
            var falseCount = resolved.Count(a => a.Outcome == "false");
            return new SiteStats(site.Id, site.DisplayName, mine.Count,
                Stats(mine.Select(a => a.AcknowledgedAt - a.ReceivedAt)),
                Stats(mine.Select(a => a.DispatchedAt - a.ReceivedAt)),
                Stats(mine.Select(a => a.ResolvedAt - a.ReceivedAt)),
                resolved.Count, falseCount, resolved.Count == 0 ? null : (double)falseCount / resolved.Count,
                mine.Where(a => a.DeviceId is not null).GroupBy(a => a.DeviceId!.Value).Select(g =>
                {
                    var done = g.Count(a => a.Outcome is not null);
                    var f = g.Count(a => a.Outcome == "false");
                    return new DeviceFalseRate(g.Key, devices.GetValueOrDefault(g.Key, "?"), g.Count(), f, done == 0 ? null : (double)f / done);
                }).OrderByDescending(d => d.False).ToList());
        }).ToList();
    }

    public async Task<IReadOnlyList<UntestedButton>> UntestedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var ids = access.SitesFor(user, SiteKinds.CourtBuilding, DeviceAdmin.Viewers).Select(s => s.Id).ToList();
        var buttons = await db.Set<Device>().AsNoTracking()
            .Where(d => ids.Contains(d.SiteId) && d.Enabled && (d.Kind == "fixed-button" || d.Kind == "courtroom-button") && (d.LastTestAt == null || d.LastTestAt < since))
            .OrderBy(d => d.Name).ToListAsync(ct);
        return buttons.Select(d => new UntestedButton(d.Id, d.Name, d.SiteId, org.Current.Find(d.SiteId)?.DisplayName ?? "",
            d.LastTestAt is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null)).ToList();
    }

    private static DurationStats Stats(IEnumerable<TimeSpan?> spans)
    {
        var seconds = spans.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
        return new DurationStats(seconds.Count, Percentile(seconds, 0.5), Percentile(seconds, 0.9));
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
