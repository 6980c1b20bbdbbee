using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Training.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Certificates;

internal sealed record CertificateDto(Guid Id, string Code, string HolderName, string CourseKey, string CourseTitle, DateTimeOffset IssuedAt, DateTimeOffset? ValidUntil,
    bool Valid, DateTimeOffset? RevokedAt);

/// <summary>
/// What anyone may learn from a verification code: genuine or not, and for whom (name only), which course, when; when it was
/// revoked, the day (never why). <paramref name="Status"/> says it in a sentence in the asker's language.
/// </summary>
internal sealed record VerificationDto(string Code, bool Genuine, bool Valid, string? HolderName, string? CourseTitleUk, string? CourseTitleEn, DateTimeOffset? IssuedAt,
    DateTimeOffset? ValidUntil, bool Revoked, DateTimeOffset? RevokedAt, string Status);

/// <summary>Certificates: issued when a learner has passed every lesson test of a course; verified by code by anyone.</summary>
internal sealed class CertificateService(VartaDbContext db, IAuditLog audit, TimeProvider clock, Loc loc)
{
    /// <summary>Letters and digits without look-alikes (no 0/O, 1/I/L).</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Adds a certificate (the caller saves) when <paramref name="justPassed"/> completes the course: every lesson with
    /// questions has a passed attempt since the last certificate, and no valid certificate exists.
    /// </summary>
    public async Task<Certificate?> IssueIfCompleteAsync(Guid userId, string holderName, Course course, Guid justPassed, DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId && c.CourseId == course.Id).OrderByDescending(c => c.IssuedAt).FirstOrDefaultAsync(ct);
        if (latest is not null && Courses.Progress.IsValid(latest, now))
        {
            return null;
        }

        var since = latest?.IssuedAt ?? DateTime.MinValue;
        var lessonIds = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).Select(l => l.Id).ToListAsync(ct);
        var tested = await db.Set<BankQuestion>().AsNoTracking().Where(q => lessonIds.Contains(q.LessonId) && !q.Retired).Select(q => q.LessonId).Distinct().ToListAsync(ct);
        var passed = (await db.Set<Attempt>().AsNoTracking().Where(a => a.UserId == userId && a.CourseId == course.Id && a.Passed == true && a.SubmittedAt > since)
            .Select(a => a.LessonId).ToListAsync(ct)).Append(justPassed).ToHashSet();
        if (tested.Count == 0 || !tested.All(passed.Contains))
        {
            return null;
        }

        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(now), Code = NewCode(), UserId = userId, HolderName = holderName, CourseId = course.Id, CourseKey = course.Key,
            CourseTitleUk = course.TitleUk, CourseTitleEn = course.TitleEn, IssuedAt = now.UtcDateTime,
            ValidUntil = course.RecurrenceMonths is { } months ? now.UtcDateTime.AddMonths(months) : null,
        };
        db.Add(certificate);
        audit.Record(new AuditRecord
        {
            Action = "training.certificate.issued", ResourceType = "training-certificate", ResourceId = certificate.Id.ToString(),
            Details = JsonSerializer.Serialize(new { course = course.Key, certificate.Code, userId }),
        });
        return certificate;
    }

    public static string NewCode()
    {
        Span<char> code = stackalloc char[12];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>"ABCD-EFGH-JKMN" for people; the code itself is the 12 characters.</summary>
    public static string Grouped(string code) => code.Length == 12 ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    public static string Normalise(string code) => new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    public async Task<IReadOnlyList<CertificateDto>> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        return (await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == me).OrderByDescending(c => c.IssuedAt).ToListAsync(ct)).Select(c => Dto(c, now)).ToList();
    }

    public static CertificateDto Dto(Certificate c, DateTimeOffset now) =>
        new(c.Id, c.Code, c.HolderName, c.CourseKey, Loc.IsEnglish ? c.CourseTitleEn : c.CourseTitleUk, Utc(c.IssuedAt), Utc(c.ValidUntil),
            Courses.Progress.IsValid(c, now), Utc(c.RevokedAt));

    /// <summary>The caller's own certificate (404 for anyone else's).</summary>
    public async Task<Certificate?> OwnAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var me = user.UserId();
        return await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.UserId == me, ct);
    }

    /// <summary>Anonymous verification: a malformed or unknown code is "not genuine"; every check is audited (no personal data of the asker).</summary>
    public async Task<VerificationDto> VerifyAsync(string code, CancellationToken ct)
    {
        var normalised = Normalise(code ?? "");
        var now = clock.GetUtcNow();
        var c = normalised.Length == 12 ? await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(x => x.Code == normalised, ct) : null;
        await audit.AppendAsync(new AuditRecord
        {
            Action = "training.certificate.verified", Category = AuditCategory.Read, ResourceType = "training-certificate", ResourceId = c?.Id.ToString(),
            Details = JsonSerializer.Serialize(new { genuine = c is not null }),
        }, ct);
        if (c is null)
        {
            return new VerificationDto(normalised.Length > 20 ? normalised[..20] : normalised, false, false, null, null, null, null, null, false, null,
                loc["training.verify.not-genuine"]);
        }

        var valid = Courses.Progress.IsValid(c, now);
        var status = c.RevokedAt is { } revoked ? loc.Format("training.verify.revoked", CertificateRevocation.Day(revoked))
            : valid ? loc["training.verify.genuine"] : loc["training.verify.expired"];
        return new VerificationDto(Grouped(c.Code), true, valid, c.HolderName, c.CourseTitleUk, c.CourseTitleEn, Utc(c.IssuedAt), Utc(c.ValidUntil),
            c.RevokedAt is not null, Utc(c.RevokedAt), status);
    }
}
