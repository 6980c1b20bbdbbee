using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Training.Data;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Courses;

/// <summary>What a learner reads: the courses, their lessons and where the learner stands in each.</summary>
internal sealed class CourseService(VartaDbContext db, IAuthorizationService authorization, PeopleDirectory people, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Published courses (and, for a trainer, the unpublished ones they edit), with the caller's progress.</summary>
    public async Task<IReadOnlyList<CourseLineDto>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var courses = await VisibleAsync(user, ct);
        var progress = (await MyProgressAsync(user, courses, now, ct)).ToDictionary(p => p.CourseId);
        return courses.Select(c => Line(c, progress[c.Id], now)).ToList();
    }

    public async Task<IReadOnlyList<Course>> VisibleAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var all = await db.Set<Course>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.TitleUk).ToListAsync(ct);
        var visible = new List<Course>();
        foreach (var c in all)
        {
            if (c.Published || await CanEditAsync(user, c))
            {
                visible.Add(c);
            }
        }

        return visible;
    }

    public Task<bool> CanEditAsync(ClaimsPrincipal user, Course course) => authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId);

    public async Task<IReadOnlyList<CourseProgress>> MyProgressAsync(ClaimsPrincipal user, IReadOnlyList<Course> courses, DateTimeOffset now, CancellationToken ct)
    {
        var me = user.UserId();
        var roles = user.Assignments().Select(a => a.Role).Distinct().ToList();
        var created = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.CreatedAt).FirstOrDefaultAsync(ct);
        return await Progress.ForAsync(db, courses, [(me, roles, created)], now, ct);
    }

    public static CourseLineDto Line(Course c, CourseProgress p, DateTimeOffset now) =>
        new(c.Id, c.Key, Loc.IsEnglish ? c.TitleEn : c.TitleUk, Loc.IsEnglish ? c.SummaryEn : c.SummaryUk, Loc.IsEnglish ? c.AudienceEn : c.AudienceUk,
            p.Lessons, p.LessonsRead, p.TestsPassed, p.TestsTotal, p.Mandatory, p.DueAt, p.Overdue, CertificateLine(p.Certificate, now), c.Published);

    public static CertificateLineDto? CertificateLine(Certificate? c, DateTimeOffset now) =>
        c is null ? null : new CertificateLineDto(c.Id, c.Code, Utc(c.IssuedAt), Utc(c.ValidUntil), Progress.IsValid(c, now), Utc(c.RevokedAt));

    /// <summary>A course with its lessons and the caller's standing in each; 404 when unpublished and not the caller's to edit.</summary>
    public async Task<Outcome<CourseDto>> GetAsync(ClaimsPrincipal user, string key, CancellationToken ct)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        var canEdit = course is not null && await CanEditAsync(user, course);
        if (course is null || (!course.Published && !canEdit))
        {
            return Outcome<CourseDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var me = user.UserId();
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).OrderBy(l => l.Order).ToListAsync(ct);
        var ids = lessons.Select(l => l.Id).ToList();
        var language = Loc.IsEnglish ? "en" : "uk";
        var cards = await db.Set<Flashcard>().AsNoTracking().Where(c => ids.Contains(c.LessonId) && c.OwnerUserId == null && !c.Retired).GroupBy(c => c.LessonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var questions = await db.Set<BankQuestion>().AsNoTracking().Where(q => ids.Contains(q.LessonId) && q.Language == language && !q.Retired).GroupBy(q => q.LessonId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var read = (await db.Set<LessonRead>().AsNoTracking().Where(r => r.UserId == me && ids.Contains(r.LessonId)).Select(r => r.LessonId).ToListAsync(ct)).ToHashSet();
        var attempts = (await db.Set<Attempt>().AsNoTracking().Where(a => a.UserId == me && a.CourseId == course.Id).ToListAsync(ct)).ToLookup(a => a.LessonId);
        var progress = (await MyProgressAsync(user, [course], now, ct))[0];
        var lines = lessons.Select(l =>
        {
            var mine = attempts[l.Id].ToList();
            var best = mine.Where(a => a.Score is not null && a.MaxScore > 0).Select(a => a.Score!.Value / a.MaxScore * 100).DefaultIfEmpty(-1).Max();
            return new LessonLineDto(l.Id, l.Key, l.Order, Loc.IsEnglish ? l.TitleEn : l.TitleUk, read.Contains(l.Id), cards.GetValueOrDefault(l.Id),
                questions.GetValueOrDefault(l.Id), mine.Count == 0 ? null : mine.Any(a => a.Passed == true), best < 0 ? null : Math.Round(best, 1), mine.Count);
        }).ToList();
        return Outcome<CourseDto>.Ok(new CourseDto(course.Id, course.Key, Loc.IsEnglish ? course.TitleEn : course.TitleUk, Loc.IsEnglish ? course.SummaryEn : course.SummaryUk,
            Loc.IsEnglish ? course.AudienceEn : course.AudienceUk, course.PassPercent, course.TimeLimitMinutes, course.AttemptsAllowed, course.QuestionsPerTest,
            course.Behaviour, course.Penalty, course.MandatoryRoles.Split(',', StringSplitOptions.RemoveEmptyEntries), course.DueDays, course.RecurrenceMonths,
            course.Published, lines, CertificateLine(progress.Certificate, now), canEdit, course.Version));
    }

    /// <summary>A lesson to read, with its reflective questions and the caller's attempts at its test.</summary>
    public async Task<Outcome<LessonDto>> LessonAsync(ClaimsPrincipal user, string courseKey, string lessonKey, CancellationToken ct)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == courseKey, ct);
        var canEdit = course is not null && await CanEditAsync(user, course);
        if (course is null || (!course.Published && !canEdit))
        {
            return Outcome<LessonDto>.NotFound();
        }

        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.CourseId == course.Id && l.Key == lessonKey, ct);
        if (lesson is null)
        {
            return Outcome<LessonDto>.NotFound();
        }

        var me = user.UserId();
        var language = Loc.IsEnglish ? "en" : "uk";
        var reflections = await db.Set<Reflection>().AsNoTracking().Where(r => r.LessonId == lesson.Id).OrderBy(r => r.Key).ToListAsync(ct);
        var answered = (await db.Set<JournalEntry>().AsNoTracking().Where(j => j.UserId == me && j.LessonId == lesson.Id && j.ReflectionId != null)
            .Select(j => j.ReflectionId!.Value).ToListAsync(ct)).ToHashSet();
        var attempts = await db.Set<Attempt>().AsNoTracking().Where(a => a.UserId == me && a.LessonId == lesson.Id).OrderBy(a => a.Number).ToListAsync(ct);
        var cards = await db.Set<Flashcard>().AsNoTracking().CountAsync(c => c.LessonId == lesson.Id && c.OwnerUserId == null && !c.Retired, ct);
        var questions = await db.Set<BankQuestion>().AsNoTracking().CountAsync(q => q.LessonId == lesson.Id && q.Language == language && !q.Retired, ct);
        var read = await db.Set<LessonRead>().AsNoTracking().AnyAsync(r => r.UserId == me && r.LessonId == lesson.Id, ct);
        var left = course.AttemptsAllowed <= 0 ? int.MaxValue : Math.Max(0, course.AttemptsAllowed - attempts.Count);
        return Outcome<LessonDto>.Ok(new LessonDto(lesson.Id, course.Id, course.Key, Loc.IsEnglish ? course.TitleEn : course.TitleUk, lesson.Key, lesson.Order,
            Loc.IsEnglish ? lesson.TitleEn : lesson.TitleUk, Loc.IsEnglish ? lesson.BodyEn : lesson.BodyUk,
            reflections.Select(r => new ReflectionDto(r.Id, r.Key, Loc.IsEnglish ? r.TextEn : r.TextUk, answered.Contains(r.Id))).ToList(),
            attempts.Select(AttemptLine).ToList(), read, cards, questions, left, canEdit,
            lesson.TitleUk, lesson.TitleEn, lesson.BodyUk, lesson.BodyEn, lesson.Version));
    }

    public static AttemptLineDto AttemptLine(Attempt a) =>
        new(a.Id, a.Number, a.Status, Utc(a.StartedAt), Utc(a.SubmittedAt), a.Score is { } s && a.MaxScore > 0 ? Math.Round(s / a.MaxScore * 100, 1) : null, a.Passed);

    /// <summary>The caller has read a lesson: stored once (the first time is kept). Its flashcards join the caller's deck.</summary>
    public async Task<Outcome<LessonLineDto>> MarkReadAsync(ClaimsPrincipal user, Guid lessonId, CancellationToken ct)
    {
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        var course = lesson is null ? null : await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == lesson.CourseId, ct);
        if (lesson is null || course is null || (!course.Published && !await CanEditAsync(user, course)))
        {
            return Outcome<LessonLineDto>.NotFound();
        }

        var me = user.UserId();
        if (!await db.Set<LessonRead>().AnyAsync(r => r.UserId == me && r.LessonId == lessonId, ct))
        {
            db.Add(new LessonRead { UserId = me, LessonId = lessonId, ReadAt = clock.GetUtcNow().UtcDateTime });
            var queued = audit.Record(new AuditRecord
            {
                Action = "training.lesson.read", ResourceType = "training-lesson", ResourceId = lessonId.ToString(),
                Details = JsonSerializer.Serialize(new { course = course.Key, lesson = lesson.Key }),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A second tab marked it at the same moment: the first time stands.
                audit.Withdraw(queued);
                db.ChangeTracker.Clear();
            }
        }

        return Outcome<LessonLineDto>.Ok(new LessonLineDto(lesson.Id, lesson.Key, lesson.Order, Loc.IsEnglish ? lesson.TitleEn : lesson.TitleUk, true, 0, 0, null, null, 0));
    }

    /// <summary>The people within a unit, as the progress queries take them.</summary>
    public async Task<IReadOnlyList<PersonInUnit>> PeopleWithinAsync(Guid unitId, CancellationToken ct) => await people.WithinAsync(unitId, ct);
}
