using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.MyMedicalProfile;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ResponderMedicalProfile;

/// <summary>
/// A person's medical profile, for a responder, only while an alarm that person raised is open, in a building where
/// the person works (a role over it); every view is audited.
/// </summary>
internal sealed class ResponderMedicalProfileHandler(VartaDbContext db, IAuthorizationService authorization, IAuditLog audit, PeopleDirectory people)
{
    /// <summary>For a responder handling an open alarm raised by a person who consented; otherwise not found.</summary>
    public async Task<Outcome<MedicalProfileDto>> HandleAsync(ClaimsPrincipal responder, Guid alarmId, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == alarmId, ct);
        if (alarm is null || !await authorization.AllowsAsync(responder, AlarmsPolicies.RespondMedicalProfile, alarm.SiteId) || alarm.Status == AlarmStatus.Resolved || alarm.RaisedByUserId is not { } person)
        {
            return Outcome<MedicalProfileDto>.NotFound();
        }

        // A device at another building (set up wrongly, or the person moved on) does not open the profile to its responders.
        if (!await people.WorksAtAsync(person, alarm.SiteId, ct))
        {
            return Outcome<MedicalProfileDto>.NotFound();
        }

        var profile = await db.Set<MedicalProfile>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == person, ct);
        if (profile is not { Active: true })
        {
            return Outcome<MedicalProfileDto>.NotFound();
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "alarms.medical-profile.viewed",
            Category = AuditCategory.Read,
            ResourceType = "medical-profile",
            ResourceId = person.ToString(),
            OrgUnitId = alarm.SiteId,
            Reason = "open alarm " + alarm.Id,
            Details = JsonSerializer.Serialize(new { alarmId = alarm.Id }),
        }, ct);
        return Outcome<MedicalProfileDto>.Ok(MyMedicalProfileHandler.ToDto(profile));
    }
}
