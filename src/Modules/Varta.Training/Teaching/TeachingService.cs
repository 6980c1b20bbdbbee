using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Certificates;
using Varta.Training.Courses;
using Varta.Training.Data;
using Varta.Training.Questions;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Teaching;

internal sealed record PeopleProgressDto(IReadOnlyList<CourseSummaryDto> Courses, IReadOnlyList<PersonProgressDto> People);

internal sealed record CourseSummaryDto(string Key, string Title, int Obliged, int Certified, int Overdue, double CompletionPercent);

internal sealed record PersonProgressDto(Guid UserId, string Name, IReadOnlyList<string> Roles, string Unit, IReadOnlyList<CourseCellDto> Courses, int Overdue);

/// <param name="CertificateId">The latest certificate of the course, valid or not (what a trainer revokes).</param>
internal sealed record CourseCellDto(string Key, int Lessons, int LessonsRead, int TestsPassed, int TestsTotal, bool Certified, bool Mandatory, DateTimeOffset? DueAt, bool Overdue,
    Guid? CertificateId, string? CertificateCode, DateTimeOffset? CertificateRevokedAt);

internal sealed record ItemStatDto(string Key, string Lesson, string Kind, string Text, int Attempts, double FacilityIndex, double? StandardDeviation, double? DiscriminationIndex);

internal sealed record GradingLineDto(Guid AttemptId, string Learner, string Course, string Lesson, int Number, DateTimeOffset SubmittedAt, IReadOnlyList<EssayDto> Essays);

internal sealed record EssayDto(int Slot, string Question, string? Answer, double? Mark, string? Comment);

/// <summary>
/// A trainer's and a unit head's view of their people (those working within the units they hold the role over):
/// progress per course, overdue mandatory courses, item analysis of the lesson tests, and essays awaiting a mark.
/// </summary>
internal sealed class TeachingService(VartaDbContext db, IAuthorizationService authorization, PeopleDirectory people, OrgDirectory org, IAuditLog audit,
    CertificateService certificates, TimeProvider clock, Loc loc)
{
    /// <summary>The people within the caller's units for the given roles' scopes, optionally narrowed to one unit the caller covers.</summary>
    public async Task<Outcome<IReadOnlyList<PersonInUnit>>> PeopleOfAsync(ClaimsPrincipal user, IReadOnlyList<string> roles, Guid? unitId, CancellationToken ct)
    {
        var scopes = roles.SelectMany(user.ScopesOf).Distinct().ToList();
        if (unitId is { } u)
        {
            if (!scopes.Any(s => org.Current.IsWithin(u, s)))
            {
                return Outcome<IReadOnlyList<PersonInUnit>>.NotFound();
            }

            scopes = [u];
        }

        var all = new Dictionary<Guid, PersonInUnit>();
        foreach (var scope in scopes)
        {
            foreach (var p in await people.WithinAsync(scope, ct))
            {
                all.TryAdd(p.UserId, p);
            }
        }

        return Outcome<IReadOnlyList<PersonInUnit>>.Ok([.. all.Values.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)]);
    }

    /// <summary>Progress of the caller's people in every published course, with a summary per course; audited as a read of personal data.</summary>
    public async Task<Outcome<PeopleProgressDto>> ProgressAsync(ClaimsPrincipal user, Guid? unitId, bool overdueOnly, CancellationToken ct)
    {
        var found = await PeopleOfAsync(user, TrainingPolicies.Overseers, unitId, ct);
        if (!found.IsOk)
        {
            return found.Failure<PeopleProgressDto>();
        }

        var now = clock.GetUtcNow();
        var list = found.Value!;
        var courses = await db.Set<Course>().AsNoTracking().Where(c => c.Published).OrderBy(c => c.Order).ToListAsync(ct);
        var progress = (await Progress.ForAsync(db, courses, [.. list.Select(p => (p.UserId, p.Roles, p.AccountCreatedAt))], now, ct)).ToLookup(p => p.UserId);
        var rows = list.Select(p =>
        {
            var cells = courses.Select(c =>
            {
                var x = progress[p.UserId].First(y => y.CourseId == c.Id);
                return new CourseCellDto(c.Key, x.Lessons, x.LessonsRead, x.TestsPassed, x.TestsTotal, x.CertificateValid, x.Mandatory, x.DueAt, x.Overdue, x.Certificate?.Id,
                    x.Certificate?.Code, Utc(x.Certificate?.RevokedAt));
            }).ToList();
            return new PersonProgressDto(p.UserId, p.DisplayName, p.Roles, org.Current.Find(p.ScopeId)?.DisplayName ?? "", cells, cells.Count(c => c.Overdue));
        }).ToList();
        var summary = courses.Select(c =>
        {
            var cells = rows.Select(r => r.Courses.First(x => x.Key == c.Key)).ToList();
            var obliged = cells.Count(x => x.Mandatory);
            var certified = cells.Count(x => x.Certified);
            return new CourseSummaryDto(c.Key, Loc.IsEnglish ? c.TitleEn : c.TitleUk, obliged, certified, cells.Count(x => x.Overdue),
                cells.Count == 0 ? 0 : Math.Round(certified * 100.0 / cells.Count, 1));
        }).ToList();
        if (overdueOnly)
        {
            rows = [.. rows.Where(r => r.Overdue > 0)];
        }

        await audit.AppendAsync(new AuditRecord
        {
            Action = "training.progress.read", Category = AuditCategory.Read, ResourceType = "training-progress", OrgUnitId = unitId,
            Details = JsonSerializer.Serialize(new { people = rows.Count, overdueOnly }),
        }, ct);
        return Outcome<PeopleProgressDto>.Ok(new PeopleProgressDto(summary, rows));
    }

    /// <summary>
    /// Item analysis of a course's lesson tests over the first finished attempt of each of the caller's people at each
    /// lesson (Moodle's quiz statistics): facility index and discrimination index per question. 404 for a draft course
    /// the caller may not edit.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<ItemStatDto>>> ItemAnalysisAsync(ClaimsPrincipal user, string courseKey, CancellationToken ct)
    {
        var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Key == courseKey, ct);
        var found = await PeopleOfAsync(user, TrainingPolicies.Overseers, null, ct);
        // A draft is known only to those who may edit it, as GET /courses/{key} answers: anyone else learns not even that it exists.
        if (course is null || !found.IsOk || (!course.Published && !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId)))
        {
            return Outcome<IReadOnlyList<ItemStatDto>>.NotFound();
        }

        var ids = found.Value!.Select(p => p.UserId).ToList();
        var attempts = await db.Set<Attempt>().AsNoTracking().Where(a => a.CourseId == course.Id && a.Status == AttemptStatus.Finished && ids.Contains(a.UserId))
            .Select(a => new { a.Id, a.UserId, a.LessonId, a.Number }).ToListAsync(ct);
        var firsts = attempts.GroupBy(a => (a.UserId, a.LessonId)).Select(g => g.MinBy(a => a.Number)!.Id).ToList();
        var items = await db.Set<AttemptItem>().AsNoTracking().Where(i => firsts.Contains(i.AttemptId) && i.Mark != null)
            .Select(i => new { i.AttemptId, i.QuestionKey, i.Mark }).ToListAsync(ct);
        var stats = ItemAnalysis.Compute(items.Select(i => new ItemScore(i.AttemptId, i.QuestionKey, i.Mark!.Value)));
        var language = Loc.IsEnglish ? "en" : "uk";
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == course.Id).ToDictionaryAsync(l => l.Id, ct);
        var lessonIds = lessons.Keys.ToList();
        var bank = (await db.Set<BankQuestion>().AsNoTracking().Where(q => lessonIds.Contains(q.LessonId)).ToListAsync(ct))
            .GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.FirstOrDefault(q => q.Language == language) ?? g.First());
        var result = stats.Select(s =>
        {
            var q = bank.GetValueOrDefault(s.QuestionKey);
            var text = q is null ? "" : AttemptService.Parse(q).Text;
            return new ItemStatDto(s.QuestionKey, q is not null && lessons.TryGetValue(q.LessonId, out var l) ? (Loc.IsEnglish ? l.TitleEn : l.TitleUk) : "", q?.Kind ?? "",
                text.Length > 160 ? text[..159] + "…" : text, s.Attempts, Math.Round(s.FacilityIndex, 1), s.StandardDeviation is { } sd ? Math.Round(sd, 3) : null,
                s.DiscriminationIndex is { } di ? Math.Round(di, 1) : null);
        }).OrderBy(s => s.Lesson, StringComparer.CurrentCulture).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        return Outcome<IReadOnlyList<ItemStatDto>>.Ok(result);
    }

    /// <summary>Attempts of the caller's people with an essay awaiting a mark, oldest first.</summary>
    public async Task<IReadOnlyList<GradingLineDto>> GradingQueueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await PeopleOfAsync(user, TrainingPolicies.Trainers, null, ct);
        // A trainer never marks their own essays: another trainer of their unit does.
        var me = user.UserId();
        var ids = found.Value!.Select(p => p.UserId).Where(id => id != me).ToList();
        var attempts = await db.Set<Attempt>().AsNoTracking().Where(a => a.Status == AttemptStatus.NeedsGrading && ids.Contains(a.UserId)).OrderBy(a => a.SubmittedAt)
            .Take(100).ToListAsync(ct);
        var attemptIds = attempts.Select(a => a.Id).ToList();
        var items = (await db.Set<AttemptItem>().AsNoTracking().Where(i => attemptIds.Contains(i.AttemptId)).ToListAsync(ct)).ToLookup(i => i.AttemptId);
        var questionIds = items.SelectMany(g => g).Select(i => i.QuestionId).Distinct().ToList();
        var questions = (await db.Set<BankQuestion>().AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToListAsync(ct)).ToDictionary(q => q.Id, AttemptService.Parse);
        var courseIds = attempts.Select(a => a.CourseId).Distinct().ToList();
        var courses = await db.Set<Course>().AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var lessonIds = attempts.Select(a => a.LessonId).Distinct().ToList();
        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => lessonIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        await audit.AppendAsync(new AuditRecord
        {
            Action = "training.grading.read", Category = AuditCategory.Read, ResourceType = "training-attempt", Details = JsonSerializer.Serialize(new { count = attempts.Count }),
        }, ct);
        return attempts.Select(a => new GradingLineDto(a.Id, a.UserName, Loc.IsEnglish ? courses[a.CourseId].TitleEn : courses[a.CourseId].TitleUk,
            Loc.IsEnglish ? lessons[a.LessonId].TitleEn : lessons[a.LessonId].TitleUk, a.Number, Utc(a.SubmittedAt!.Value),
            [.. items[a.Id].Where(i => questions[i.QuestionId].Kind == QuestionKind.Essay).OrderBy(i => i.Slot)
                .Select(i => new EssayDto(i.Slot, questions[i.QuestionId].Text, i.Response is null ? null : JsonSerializer.Deserialize<ResponseValue>(i.Response, JsonOptions)?.Text, i.Mark, i.TrainerComment))]))
            .ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A trainer marks an essay (fraction 0–1) with a comment; once every essay has a mark the attempt is scored (and
    /// may earn the certificate). 404 for an attempt outside the trainer's people, the trainer's own, or a slot that is not an essay; 409
    /// once the attempt is no longer awaiting marks.
    /// </summary>
    public async Task<Outcome<GradingLineDto>> GradeAsync(ClaimsPrincipal user, Guid attemptId, int slot, GradeRequest request, CancellationToken ct)
    {
        var found = await PeopleOfAsync(user, TrainingPolicies.Trainers, null, ct);
        var attempt = await db.Set<Attempt>().FirstOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null || attempt.UserId == user.UserId() || !found.Value!.Any(p => p.UserId == attempt.UserId))
        {
            return Outcome<GradingLineDto>.NotFound();
        }

        var item = await db.Set<AttemptItem>().FirstOrDefaultAsync(i => i.AttemptId == attemptId && i.Slot == slot, ct);
        var question = item is null ? null : AttemptService.Parse(await db.Set<BankQuestion>().AsNoTracking().FirstAsync(q => q.Id == item.QuestionId, ct));
        if (item is null || question?.Kind != QuestionKind.Essay)
        {
            return Outcome<GradingLineDto>.NotFound();
        }

        var v = new Validator(loc).MaxLength("comment", request.Comment, 2000);
        if (request.Fraction is not (>= 0 and <= 1))
        {
            v.Fail("fraction", "training.fraction");
        }

        if (!v.IsValid)
        {
            return Outcome<GradingLineDto>.Invalid(v);
        }

        if (attempt.Status != AttemptStatus.NeedsGrading)
        {
            return Outcome<GradingLineDto>.Conflict("training.not-awaiting-marks");
        }

        item.Mark = request.Fraction;
        item.TrainerComment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        item.GradedBy = AttemptService.NameOf(user);
        var items = await db.Set<AttemptItem>().Where(i => i.AttemptId == attemptId).ToListAsync(ct);
        var course = await db.Set<Course>().AsNoTracking().FirstAsync(c => c.Id == attempt.CourseId, ct);
        AttemptService.Score(attempt, course, items);
        attempt.Version++;
        var now = clock.GetUtcNow();
        if (attempt.Passed == true)
        {
            await certificates.IssueIfCompleteAsync(attempt.UserId, attempt.UserName, course, attempt.LessonId, now, ct);
        }

        audit.Record(new AuditRecord
        {
            Action = "training.essay.graded", ResourceType = "training-attempt", ResourceId = attemptId.ToString(),
            Details = JsonSerializer.Serialize(new { slot, request.Fraction, attempt.Status, attempt.Passed }),
        });
        await db.SaveChangesAsync(ct);
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstAsync(l => l.Id == attempt.LessonId, ct);
        return Outcome<GradingLineDto>.Ok(new GradingLineDto(attempt.Id, attempt.UserName, Loc.IsEnglish ? course.TitleEn : course.TitleUk,
            Loc.IsEnglish ? lesson.TitleEn : lesson.TitleUk, attempt.Number, Utc(attempt.SubmittedAt!.Value),
            [new EssayDto(slot, question.Text, null, item.Mark, item.TrainerComment)]));
    }
}
