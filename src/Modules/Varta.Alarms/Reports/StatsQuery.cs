using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Reports;

internal sealed record DurationStats(int Count, double? MedianSeconds, double? P90Seconds);

internal sealed record SiteStats(Guid SiteId, string SiteName, int Alarms, DurationStats ToAcknowledge, DurationStats ToDispatch, DurationStats ToResolve,
    int Resolved, int False, double? FalseRate, IReadOnlyList<DeviceFalseRate> Devices);

internal sealed record DeviceFalseRate(Guid DeviceId, string Name, int Alarms, int False, double? FalseRate);

/// <summary>How fast the monitoring centre answers, and how often alarms are false, per building and device.</summary>
internal sealed class StatsQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, TimeProvider clock)
{
    public async Task<IReadOnlyList<SiteStats>> HandleAsync(ClaimsPrincipal user, int days, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var sites = await authorization.SitesAsync(user, AlarmsPolicies.ReadStats, org.Current, SiteKinds.CourtBuilding);
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

    private static DurationStats Stats(IEnumerable<TimeSpan?> spans)
    {
        var seconds = spans.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
        return new DurationStats(seconds.Count, Percentile(seconds, 0.5), Percentile(seconds, 0.9));
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
