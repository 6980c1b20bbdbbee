using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Cells;
using Varta.Custody.Data;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.ListFacilities;

internal sealed record FacilityDto(Guid Id, string Name, string Code, IReadOnlyList<CellDto> Cells);

/// <summary>The detention facilities in the user's scope with their cells and how full they are (no personal data).</summary>
internal sealed class ListFacilitiesQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org)
{
    public async Task<IReadOnlyList<FacilityDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var sites = await authorization.SitesAsync(user, CustodyPolicies.ReadFacilities, org.Current, SiteKinds.DetentionFacility);
        var ids = sites.Select(s => s.Id).ToList();
        var cells = (await db.Set<Cell>().AsNoTracking().Where(c => ids.Contains(c.FacilityId)).ToListAsync(ct)).ToLookup(c => c.FacilityId);
        var occupancy = (await db.Set<CustodyRecord>().AsNoTracking()
                .Where(r => ids.Contains(r.FacilityId) && r.Status == RecordStatus.InCustody && r.CellId != null)
                .GroupBy(r => r.CellId).Select(g => new { Cell = g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Cell!.Value, x => x.Count);
        return sites.Select(s => new FacilityDto(s.Id, s.DisplayName, s.Code,
            cells[s.Id].OrderBy(c => c.Number.Length).ThenBy(c => c.Number, StringComparer.Ordinal)
                .Select(c => CellRules.ToDto(c, occupancy.GetValueOrDefault(c.Id))).ToList())).ToList();
    }
}
