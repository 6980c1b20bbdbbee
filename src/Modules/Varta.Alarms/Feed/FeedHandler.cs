using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Feed;

/// <summary>Everything after a sequence number in the caller's buildings, in commit order: how a console catches up.</summary>
internal sealed class FeedHandler(VartaDbContext db, ConsoleAlarms console)
{
    /// <param name="auditRead">False only for the console's live catch-ups, whose alarms its audited load already covers.</param>
    public async Task<IReadOnlyList<AlarmEventDto>> HandleAsync(ClaimsPrincipal user, long after, int limit, CancellationToken ct, bool auditRead = true)
    {
        var sites = await console.SitesAsync(user, AlarmsPolicies.Console);
        var events = await db.Set<AlarmEvent>().AsNoTracking().Where(e => e.Seq > after && sites.Contains(e.SiteId))
            .OrderBy(e => e.Seq).Take(limit).ToListAsync(ct);
        var ids = events.Where(e => e.AlarmId != null).Select(e => e.AlarmId!.Value).Distinct().ToList();
        var alarms = (await console.ToDtosAsync(await db.Set<Alarm>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct), ct)).ToDictionary(a => a.Id);
        if (auditRead)
        {
            await console.AuditReadAsync("alarms.feed.read", null, sites, new { after, events = events.Count, alarms = alarms.Count }, ct);
        }

        return events.Select(e => new AlarmEventDto(e.Seq, e.AlarmId, e.SiteId, e.Kind, AlarmWriter.Utc(e.At), e.Actor,
            e.AlarmId is { } a ? alarms.GetValueOrDefault(a) : null)).ToList();
    }

    /// <summary>The newest sequence number of the whole feed: where a console that opens now starts listening.</summary>
    public async Task<long> LatestAsync(CancellationToken ct) =>
        await db.Set<AlarmEvent>().MaxAsync(e => (long?)e.Seq, ct) ?? 0;
}
