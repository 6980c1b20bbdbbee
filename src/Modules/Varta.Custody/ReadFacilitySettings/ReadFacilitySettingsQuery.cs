using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Data;
using Varta.Custody.Rules;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.ReadFacilitySettings;

internal sealed record FacilitySettingsDto(Guid FacilityId, int L1Minutes, int L2Minutes, int L3Minutes, int L4Minutes, decimal MinFloorAreaPerPerson);

/// <summary>A facility's check intervals and floor area per person as they apply: its own where set, else the national defaults.</summary>
internal sealed class ReadFacilitySettingsQuery(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IOptions<CustodyOptions> options)
{
    public async Task<Outcome<FacilitySettingsDto>> ReadAsync(ClaimsPrincipal user, Guid facilityId, CancellationToken ct)
    {
        if (org.Current.Find(facilityId)?.SiteKind != SiteKinds.DetentionFacility
            || !await authorization.AllowsAsync(user, CustodyPolicies.ReadSettings, facilityId))
        {
            return Outcome<FacilitySettingsDto>.NotFound();
        }

        var settings = await db.Set<FacilitySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == facilityId, ct);
        return Outcome<FacilitySettingsDto>.Ok(ToDto(facilityId, CheckPolicy.For(options.Value, settings)));
    }

    public static FacilitySettingsDto ToDto(Guid id, CheckPolicy p) => new(id, p.L1, p.L2, p.L3, p.L4, p.MinFloorArea);
}
