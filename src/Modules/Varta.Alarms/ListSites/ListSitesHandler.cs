using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ListSites;

internal sealed record ZoneDto(Guid Id, string Name, string NameEn, int Floor, string Kind);

internal sealed record SiteDto(Guid Id, string Name, string Code, IReadOnlyList<ZoneDto> Zones);

/// <summary>The court buildings the caller may see, each with its zones by floor.</summary>
internal sealed class ListSitesHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<IReadOnlyList<SiteDto>> HandleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var sites = await authorization.SitesAsync(user, AlarmsPolicies.ReadSites, org.Current, SiteKinds.CourtBuilding);
        var ids = sites.Select(s => s.Id).ToList();
        var zones = (await db.Set<Zone>().AsNoTracking().Where(z => ids.Contains(z.SiteId)).ToListAsync(ct)).ToLookup(z => z.SiteId);
        return sites.Select(s => new SiteDto(s.Id, s.DisplayName, s.Code,
            zones[s.Id].OrderBy(z => z.Floor).ThenBy(z => z.Name, StringComparer.Ordinal).Select(z => new ZoneDto(z.Id, z.Name, z.NameEn, z.Floor, z.Kind)).ToList())).ToList();
    }
}
