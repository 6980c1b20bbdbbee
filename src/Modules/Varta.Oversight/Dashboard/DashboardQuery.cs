using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Oversight.Contracts;
using Varta.Oversight.Data;
using static Varta.Platform.Persistence.StoredTime;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Oversight.Dashboard;

/// <summary>Open items per facility by how long they have waited, and findings past their due date: the inspector's overview.</summary>
internal sealed class DashboardQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, TimeProvider clock)
{
    public async Task<IReadOnlyList<FacilityQueueDto>> ReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var facilities = (await authorization.SitesAsync(user, OversightPolicies.ReadQueue, org.Current, SiteKinds.DetentionFacility)).Select(s => s.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<ReviewItem>().AsNoTracking()
            .Where(i => i.Status == ReviewStatus.Open && facilities.Contains(i.FacilityId))
            .Select(i => new { i.FacilityId, i.QueuedAt }).ToListAsync(ct);
        var overdue = await (from f in db.Set<Finding>().AsNoTracking()
                             join i in db.Set<ReviewItem>().AsNoTracking() on f.ItemId equals i.Id
                             where facilities.Contains(i.FacilityId) && f.DueBy < now && f.ActedAt == null
                             select i.FacilityId).ToListAsync(ct);
        return open.Select(i => i.FacilityId).Union(overdue)
            .Select(facility =>
            {
                var items = open.Where(i => i.FacilityId == facility).Select(i => now - i.QueuedAt).ToList();
                return new FacilityQueueDto(facility, org.Current.Find(facility)?.DisplayName ?? "", items.Count,
                    items.Count(a => a < TimeSpan.FromDays(1)), items.Count(a => a >= TimeSpan.FromDays(1) && a < TimeSpan.FromDays(7)),
                    items.Count(a => a >= TimeSpan.FromDays(7)), items.Count == 0 ? null : Utc(now - items.Max()),
                    overdue.Count(f => f == facility));
            })
            .OrderByDescending(f => f.OverSevenDays).ThenByDescending(f => f.Open).ThenBy(f => f.FacilityName, StringComparer.Ordinal).ToList();
    }
}
