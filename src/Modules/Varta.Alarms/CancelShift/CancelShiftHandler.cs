using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.DutyRoster;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.CancelShift;

internal sealed record DutyCancelRequest(string? Reason);

/// <summary>A shift that will not happen is cancelled, with who, when and why; one already over or cancelled cannot be.</summary>
internal sealed class CancelShiftHandler(VartaDbContext db, IAuthorizationService authorization, DutyRosterRules rules, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public async Task<Outcome<DutyShiftDto>> HandleAsync(ClaimsPrincipal user, Guid siteId, Guid shiftId, DutyCancelRequest r, CancellationToken ct)
    {
        var shift = await db.Set<DutyShift>().FirstOrDefaultAsync(x => x.Id == shiftId && x.SiteId == siteId, ct);
        if (shift is null || !await authorization.AllowsAsync(user, AlarmsPolicies.PlanDuty, siteId))
        {
            return Outcome<DutyShiftDto>.NotFound();
        }

        var v = new Validator(loc).Required("reason", r.Reason, 500);
        if (!v.IsValid)
        {
            return Outcome<DutyShiftDto>.Invalid(v);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (shift.CancelledAt is not null)
        {
            return Outcome<DutyShiftDto>.Conflict("alarms.problem.duty-cancelled");
        }

        if (shift.EndsAt <= now)
        {
            return Outcome<DutyShiftDto>.Conflict("alarms.problem.duty-over");
        }

        shift.CancelledAt = now;
        shift.CancelledBy = user.Identity?.Name ?? "?";
        shift.CancelReason = r.Reason!.Trim();
        audit.Record(new AuditRecord
        {
            Action = "alarms.duty.cancelled",
            Category = AuditCategory.Write,
            ResourceType = "alarm-duty-shift",
            ResourceId = shift.Id.ToString(),
            OrgUnitId = siteId,
            Reason = shift.CancelReason,
            Details = JsonSerializer.Serialize(new { shift.UserId }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<DutyShiftDto>.Ok(rules.ToDto(shift, await rules.NamesAsync(siteId, ct)));
    }
}
