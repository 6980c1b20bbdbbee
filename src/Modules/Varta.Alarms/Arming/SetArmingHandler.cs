using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Arming;

/// <summary>
/// An administrator of the building replaces its weekly windows and holidays (no windows: never armed), or with mode
/// "always" removes the schedule (always armed).
/// </summary>
internal sealed class SetArmingHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public async Task<Outcome<ArmingDto>> HandleAsync(ClaimsPrincipal user, Guid siteId, ArmingRequest r, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !await authorization.AllowsAsync(user, AlarmsPolicies.ManageArming, siteId))
        {
            return Outcome<ArmingDto>.NotFound();
        }

        var v = new Validator(loc);
        var windows = r.Windows ?? [];
        var holidays = r.Holidays ?? [];
        var always = r.Mode == ArmingModes.Always;
        if (r.Mode is not null)
        {
            v.OneOf("mode", r.Mode, ArmingModes.All);
            var made = ArmingModes.Of(true, windows, holidays);
            if (ArmingModes.All.Contains(r.Mode) && r.Mode != made && !(always && made == ArmingModes.Never))
            {
                v.Fail("mode", "arming-mode-windows");
            }
        }

        if (windows.Count > 50)
        {
            v.Fail("windows", "max-items", 50);
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Day is < 0 or > 6)
            {
                v.Fail($"windows[{i}].day", "range", 0, 6);
            }

            if (!TimeOnly.TryParseExact(windows[i].From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"windows[{i}].from", "time-required");
            }

            if (!TimeOnly.TryParseExact(windows[i].To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"windows[{i}].to", "time-required");
            }
        }

        if (holidays.Count > 400)
        {
            v.Fail("holidays", "max-items", 400);
        }

        for (var i = 0; i < holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"holidays[{i}]", "date-required");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<ArmingDto>.Invalid(v);
        }

        var schedule = await db.Set<ArmingSchedule>().FirstOrDefaultAsync(x => x.SiteId == siteId, ct);
        if (always)
        {
            if (schedule is not null)
            {
                db.Set<ArmingSchedule>().Remove(schedule);
            }

            audit.Record(new AuditRecord { Action = "alarms.arming.removed", Category = AuditCategory.Admin, ResourceType = "alarm-site", ResourceId = siteId.ToString(), OrgUnitId = siteId });
            await db.SaveChangesAsync(ct);
            return Outcome<ArmingDto>.Ok(new ArmingDto(siteId, ArmingModes.Always, [], [], true));
        }

        if (schedule is null)
        {
            schedule = new ArmingSchedule { SiteId = siteId };
            db.Set<ArmingSchedule>().Add(schedule);
        }

        schedule.Windows = JsonSerializer.Serialize(windows);
        schedule.Holidays = JsonSerializer.Serialize(holidays);
        audit.Record(new AuditRecord { Action = "alarms.arming.set", Category = AuditCategory.Admin, ResourceType = "alarm-site", ResourceId = siteId.ToString(), OrgUnitId = siteId, Details = schedule.Windows });
        await db.SaveChangesAsync(ct);
        return Outcome<ArmingDto>.Ok(new ArmingDto(siteId, ArmingModes.Of(true, windows, holidays), windows, holidays, ArmingRules.IsArmed(windows, holidays, clock.GetUtcNow())));
    }
}
