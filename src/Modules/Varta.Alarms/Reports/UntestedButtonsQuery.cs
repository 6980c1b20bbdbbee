using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Reports;

internal sealed record UntestedButton(Guid DeviceId, string Name, Guid SiteId, string SiteName, DateTimeOffset? LastTestAt);

/// <summary>Buttons are tested daily: those of the caller's buildings with no test in the last 24 hours.</summary>
internal sealed class UntestedButtonsQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, TimeProvider clock)
{
    public async Task<IReadOnlyList<UntestedButton>> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        var ids = (await authorization.SitesAsync(user, AlarmsPolicies.ReadStats, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();
        var buttons = await db.Set<Device>().AsNoTracking()
            .Where(d => ids.Contains(d.SiteId) && d.Enabled && (d.Kind == "fixed-button" || d.Kind == "courtroom-button") && (d.LastTestAt == null || d.LastTestAt < since))
            .OrderBy(d => d.Name).ToListAsync(ct);
        return buttons.Select(d => new UntestedButton(d.Id, d.Name, d.SiteId, org.Current.Find(d.SiteId)?.DisplayName ?? "",
            d.LastTestAt is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null)).ToList();
    }
}
