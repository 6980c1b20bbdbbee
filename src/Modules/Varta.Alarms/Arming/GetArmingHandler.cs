using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Arming;

/// <summary>A building's arming schedule and whether it is armed now, for those who see its devices.</summary>
internal sealed class GetArmingHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, TimeProvider clock)
{
    public async Task<Outcome<ArmingDto>> HandleAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !await authorization.AllowsAsync(user, AlarmsPolicies.ReadArming, siteId))
        {
            return Outcome<ArmingDto>.NotFound();
        }

        var s = await db.Set<ArmingSchedule>().AsNoTracking().FirstOrDefaultAsync(x => x.SiteId == siteId, ct);
        var windows = s is null ? [] : ArmingRules.Parse(s.Windows);
        var holidays = s is null ? [] : ArmingRules.ParseHolidays(s.Holidays);
        return Outcome<ArmingDto>.Ok(new ArmingDto(siteId, ArmingModes.Of(s is not null, windows, holidays), windows, holidays, s is null || ArmingRules.IsArmed(windows, holidays, clock.GetUtcNow())));
    }
}
