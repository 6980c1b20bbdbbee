using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;
using Varta.Training.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Courses;

/// <summary>Where a person stands in a course: lessons read, lesson tests passed, certificate, and the mandatory due date.</summary>
internal sealed record CourseProgress(Guid UserId, Guid CourseId, int Lessons, int LessonsRead, int TestsPassed, int TestsTotal, Certificate? Certificate,
    bool CertificateValid, bool Mandatory, DateTimeOffset? DueAt, bool Overdue)
{
    public bool Complete => CertificateValid;
}

internal static class Progress
{
    public static bool IsMandatoryFor(Course course, IEnumerable<string> roles)
    {
        var required = course.MandatoryRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return course.Published && roles.Any(r => required.Contains(r, StringComparer.Ordinal));
    }

    /// <summary>A certificate counts until it expires or is revoked.</summary>
    public static bool IsValid(Certificate c, DateTimeOffset now) => c.RevokedAt is null && (c.ValidUntil is null || c.ValidUntil > now.UtcDateTime);

    /// <summary>
    /// When a mandatory course is due for a person: the day their certificate expires when they hold one, else the
    /// course's due days after it became mandatory or after their account was made, whichever is later.
    /// </summary>
    public static DateTimeOffset DueAt(Course course, DateTime accountCreatedAt, Certificate? latest)
    {
        if (latest is { ValidUntil: { } until, RevokedAt: null })
        {
            return Utc(until);
        }

        var since = course.MandatorySince is { } m && m > accountCreatedAt ? m : accountCreatedAt;
        return Utc(since).AddDays(course.DueDays);
    }

    /// <summary>The progress of several people in several courses, in a few queries.</summary>
    public static async Task<IReadOnlyList<CourseProgress>> ForAsync(VartaDbContext db, IReadOnlyList<Course> courses,
        IReadOnlyList<(Guid UserId, IReadOnlyList<string> Roles, DateTime AccountCreatedAt)> people, DateTimeOffset now, CancellationToken ct)
    {
        var courseIds = courses.Select(c => c.Id).ToList();
        var userIds = people.Select(p => p.UserId).ToList();
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => courseIds.Contains(l.CourseId)).Select(l => new { l.Id, l.CourseId }).ToListAsync(ct);
        var lessonIds = lessons.Select(l => l.Id).ToList();
        var withQuestions = (await db.Set<BankQuestion>().AsNoTracking().Where(q => lessonIds.Contains(q.LessonId) && !q.Retired).Select(q => q.LessonId).Distinct().ToListAsync(ct)).ToHashSet();
        var reads = (await db.Set<LessonRead>().AsNoTracking().Where(r => userIds.Contains(r.UserId) && lessonIds.Contains(r.LessonId)).Select(r => new { r.UserId, r.LessonId }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.LessonId);
        var passes = (await db.Set<Attempt>().AsNoTracking().Where(a => userIds.Contains(a.UserId) && courseIds.Contains(a.CourseId) && a.Passed == true)
            .Select(a => new { a.UserId, a.LessonId, a.SubmittedAt }).ToListAsync(ct)).ToLookup(a => a.UserId);
        var certificates = (await db.Set<Certificate>().AsNoTracking().Where(c => userIds.Contains(c.UserId) && courseIds.Contains(c.CourseId)).ToListAsync(ct))
            .ToLookup(c => (c.UserId, c.CourseId));
        var lessonsOf = lessons.ToLookup(l => l.CourseId, l => l.Id);
        var result = new List<CourseProgress>(people.Count * courses.Count);
        foreach (var person in people)
        {
            var read = reads[person.UserId].ToHashSet();
            foreach (var course in courses)
            {
                var ids = lessonsOf[course.Id].ToList();
                var latest = certificates[(person.UserId, course.Id)].OrderByDescending(c => c.IssuedAt).FirstOrDefault();
                var valid = latest is not null && IsValid(latest, now);
                // After a certificate expires, the course is taken again: only passes since it count.
                var since = latest?.IssuedAt ?? DateTime.MinValue;
                var passed = passes[person.UserId].Where(a => ids.Contains(a.LessonId) && (valid || a.SubmittedAt > since)).Select(a => a.LessonId).ToHashSet();
                var mandatory = IsMandatoryFor(course, person.Roles);
                DateTimeOffset? due = mandatory ? DueAt(course, person.AccountCreatedAt, latest) : null;
                result.Add(new CourseProgress(person.UserId, course.Id, ids.Count, ids.Count(read.Contains), ids.Count(i => withQuestions.Contains(i) && passed.Contains(i)),
                    ids.Count(withQuestions.Contains), latest, valid, mandatory, due, mandatory && !valid && due < now));
            }
        }

        return result;
    }
}
