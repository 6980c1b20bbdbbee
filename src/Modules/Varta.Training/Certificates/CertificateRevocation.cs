using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Data;

namespace Varta.Training.Certificates;

internal sealed record RevokeRequest(string? Reason);

/// <summary>
/// Withdraws a certificate (issued in error, obtained dishonestly): a trainer or an administrator whose scope covers a unit
/// the holder works in, with a reason; once only. The verification then says it was revoked and when, never why.
/// </summary>
internal sealed class CertificateRevocation(VartaDbContext db, IAuthorizationService authorization, PeopleDirectory people, IAuditLog audit, TimeProvider clock, Loc loc)
{
    /// <summary>
    /// 400 for a reason shorter than 3 or longer than 500 characters; 404 for an unknown certificate or one whose holder
    /// is outside the caller's scope (not even its existence is told); 409 when it is already revoked.
    /// </summary>
    public async Task<Outcome<CertificateDto>> RevokeAsync(ClaimsPrincipal user, Guid id, RevokeRequest request, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        var v = new Validator(loc);
        if (reason is null || reason.Length is < 3 or > 500)
        {
            v.Fail("reason", "training.revoke-reason");
        }
        else
        {
            v.CleanText("reason", reason);
        }

        if (!v.IsValid)
        {
            return Outcome<CertificateDto>.Invalid(v);
        }

        var certificate = await db.Set<Certificate>().FirstOrDefaultAsync(c => c.Id == id, ct);
        var unit = certificate is null ? null : await CoveredUnitAsync(user, certificate, ct);
        if (certificate is null || unit is null)
        {
            return Outcome<CertificateDto>.NotFound();
        }

        if (certificate.RevokedAt is { } revoked)
        {
            return Outcome<CertificateDto>.Conflict("training.certificate-already-revoked", Day(revoked));
        }

        var now = clock.GetUtcNow();
        certificate.RevokedAt = now.UtcDateTime;
        certificate.RevokedReason = reason;
        certificate.RevokedByUserId = user.UserId();
        certificate.RevokedBy = AttemptService.NameOf(user);
        var queued = audit.Record(new AuditRecord
        {
            Action = "training.certificate.revoked", ResourceType = "training-certificate", ResourceId = certificate.Id.ToString(), OrgUnitId = unit, Reason = reason,
            Details = JsonSerializer.Serialize(new { certificate.Code, course = certificate.CourseKey, userId = certificate.UserId }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else revoked it in the meantime (RevokedAt is the concurrency token).
            audit.Withdraw(queued);
            db.ChangeTracker.Clear();
            var stored = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == id).Select(c => c.RevokedAt).FirstOrDefaultAsync(ct);
            return Outcome<CertificateDto>.Conflict("training.certificate-already-revoked", Day(stored ?? now.UtcDateTime));
        }

        return Outcome<CertificateDto>.Ok(CertificateService.Dto(certificate, now));
    }

    /// <summary>
    /// A unit the holder works in that the caller may revoke over, or null. A holder no longer active has no units: then the
    /// course's unit decides (the country for the courses Varta ships), so that only those above it may act.
    /// </summary>
    private async Task<Guid?> CoveredUnitAsync(ClaimsPrincipal user, Certificate certificate, CancellationToken ct)
    {
        List<Guid> units = [.. (await people.AssignmentsOfAsync(certificate.UserId, ct)).Select(a => a.Scope).Distinct()];
        if (units.Count == 0)
        {
            units = [.. await db.Set<Course>().AsNoTracking().Where(c => c.Id == certificate.CourseId).Select(c => c.UnitId).ToListAsync(ct)];
        }

        foreach (var unit in units)
        {
            if (await authorization.AllowsAsync(user, TrainingPolicies.RevokeCertificates, unit))
            {
                return unit;
            }
        }

        return null;
    }

    /// <summary>dd.MM.yyyy in Kyiv, in both languages.</summary>
    public static string Day(DateTime utc) =>
        KyivTime.DayOf(Platform.Persistence.StoredTime.Utc(utc)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
