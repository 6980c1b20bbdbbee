using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Console;

/// <summary>
/// The story of each alarm, oldest first, as a console shows it under the alarm: raised, acknowledged, notes,
/// dispatches, escalations and the panel's restores.
/// </summary>
internal sealed class ConsoleTimelines(VartaDbContext db, ConsoleAlarms alarms)
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<TimelineItem>>> TimelinesAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> alarmIds, CancellationToken ct)
    {
        var sites = await alarms.SitesAsync(user, AlarmsPolicies.Console);
        var ids = alarmIds.Select(id => (Guid?)id).ToList();
        var events = await db.Set<AlarmEvent>().AsNoTracking().Where(e => ids.Contains(e.AlarmId) && sites.Contains(e.SiteId))
            .OrderBy(e => e.Seq).ToListAsync(ct);
        return events.GroupBy(e => e.AlarmId!.Value).ToDictionary(g => g.Key,
            g => (IReadOnlyList<TimelineItem>)g.Select(TimelineItem.From).ToList());
    }
}
