using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.MyMedicalProfile;

internal sealed record MedicalProfileDto(string? BloodType, string? Allergies, string? Conditions, string? Medications,
    string? EmergencyContactName, string? EmergencyContactPhone, DateTimeOffset? ConsentAt, bool Active);

internal sealed record MedicalProfileRequest(string? BloodType, string? Allergies, string? Conditions, string? Medications,
    string? EmergencyContactName, string? EmergencyContactPhone, bool? Consent);

/// <summary>
/// The person keeps their own profile and may withdraw consent at any time (the data is then erased).
/// Responders see it only while an alarm raised by that person is open (see ResponderMedicalProfile).
/// </summary>
internal sealed class MyMedicalProfileHandler(VartaDbContext db, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public static readonly string[] BloodTypes = ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-", "unknown"];

    public async Task<MedicalProfileDto?> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var profile = await db.Set<MedicalProfile>().AsNoTracking().FirstOrDefaultAsync(m => m.UserId == user.UserId(), ct);
        return profile is null ? null : ToDto(profile);
    }

    public async Task<Outcome<MedicalProfileDto>> SaveAsync(ClaimsPrincipal user, MedicalProfileRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("allergies", r.Allergies, 1000).MaxLength("conditions", r.Conditions, 1000)
            .MaxLength("medications", r.Medications, 1000).MaxLength("emergencyContactName", r.EmergencyContactName, 200)
            .MaxLength("emergencyContactPhone", r.EmergencyContactPhone, 40);
        if (r.BloodType is not null)
        {
            v.OneOf("bloodType", r.BloodType, BloodTypes);
        }

        if (r.Consent != true)
        {
            v.Fail("consent", "consent-required");
        }

        if (!v.IsValid)
        {
            return Outcome<MedicalProfileDto>.Invalid(v);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var profile = await db.Set<MedicalProfile>().FirstOrDefaultAsync(m => m.UserId == user.UserId(), ct);
        if (profile is null)
        {
            profile = new MedicalProfile { UserId = user.UserId() };
            db.Set<MedicalProfile>().Add(profile);
        }

        profile.BloodType = r.BloodType;
        profile.Allergies = r.Allergies?.Trim();
        profile.Conditions = r.Conditions?.Trim();
        profile.Medications = r.Medications?.Trim();
        profile.EmergencyContactName = r.EmergencyContactName?.Trim();
        profile.EmergencyContactPhone = r.EmergencyContactPhone?.Trim();
        profile.ConsentAt = profile.Active ? profile.ConsentAt : now;
        profile.WithdrawnAt = null;
        audit.Record(new AuditRecord { Action = "alarms.medical-profile.saved", ResourceType = "medical-profile", ResourceId = profile.UserId.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<MedicalProfileDto>.Ok(ToDto(profile));
    }

    public async Task WithdrawAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var profile = await db.Set<MedicalProfile>().FirstOrDefaultAsync(m => m.UserId == user.UserId(), ct);
        if (profile is null)
        {
            return;
        }

        // Withdrawal erases the health data itself; the fact of consent and its withdrawal stays in the audit log.
        profile.BloodType = profile.Allergies = profile.Conditions = profile.Medications = profile.EmergencyContactName = profile.EmergencyContactPhone = null;
        profile.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(new AuditRecord { Action = "alarms.medical-profile.consent-withdrawn", ResourceType = "medical-profile", ResourceId = profile.UserId.ToString() });
        await db.SaveChangesAsync(ct);
    }

    internal static MedicalProfileDto ToDto(MedicalProfile m) => new(m.BloodType, m.Allergies, m.Conditions, m.Medications, m.EmergencyContactName,
        m.EmergencyContactPhone, m.ConsentAt is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null, m.Active);
}
