using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Data;
using Varta.Training.Questions;

namespace Varta.Training.Authoring;

internal sealed record CourseRequest(string? Key, Guid? UnitId, string? TitleUk, string? TitleEn, string? SummaryUk, string? SummaryEn, string? AudienceUk, string? AudienceEn,
    int? PassPercent, int? TimeLimitMinutes, int? AttemptsAllowed, int? QuestionsPerTest, string? Behaviour, double? Penalty, IReadOnlyList<string>? MandatoryRoles,
    int? DueDays, int? RecurrenceMonths, bool? Published, int? Version);

internal sealed record LessonRequest(string? Key, int? Order, string? TitleUk, string? TitleEn, string? BodyUk, string? BodyEn, int? Version);

internal sealed record CardRequest(string? FrontUk, string? BackUk, string? FrontEn, string? BackEn);

internal sealed record ReflectionRequest(string? TextUk, string? TextEn);

internal sealed record GiftImportRequest(string? Language, string? Gift, bool? Replace);

internal sealed record GiftImportDto(int Added, int Replaced, int Retired, int Total);

internal sealed record EditedDto(Guid Id, string Key, int Version);

internal sealed record CourseEditDto(Guid Id, string Key, CourseRequest Settings, IReadOnlyList<LessonEditLineDto> Lessons);

internal sealed record LessonEditLineDto(Guid Id, string Key, int Order, string TitleUk, string TitleEn, int Cards, int QuestionsUk, int QuestionsEn, int Reflections);

internal sealed record LessonEditDto(Guid Id, Guid CourseId, string CourseKey, string Key, LessonRequest Lesson, int Cards, int QuestionsUk, int QuestionsEn, int Reflections,
    IReadOnlyList<LessonCardDto> Flashcards);

/// <summary>A lesson's shared flashcard as its editor lists it; a withdrawn one is in no deck until brought back.</summary>
internal sealed record LessonCardDto(Guid Id, string FrontUk, string FrontEn, bool Retired);

internal sealed record CardRetiredRequest(bool? Retired);

/// <summary>
/// A trainer edits the courses of their unit (the country's for the shipped ones): settings, lessons, flashcards,
/// reflective questions, and question banks imported and exported as GIFT.
/// </summary>
internal sealed partial class AuthoringService(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")]
    private static partial Regex KeyPattern();

    private Validator ValidateCourse(CourseRequest r)
    {
        var v = new Validator(loc).Required("titleUk", r.TitleUk, 200).Required("titleEn", r.TitleEn, 200).MaxLength("summaryUk", r.SummaryUk, 1000)
            .MaxLength("summaryEn", r.SummaryEn, 1000).MaxLength("audienceUk", r.AudienceUk, 500).MaxLength("audienceEn", r.AudienceEn, 500)
            .OneOf("behaviour", r.Behaviour, Behaviours.All);
        if (r.PassPercent is not (>= 1 and <= 100))
        {
            v.Fail("passPercent", "training.pass-percent");
        }

        if (r.TimeLimitMinutes is not null and not (>= 1 and <= 600))
        {
            v.Fail("timeLimitMinutes", "training.time-limit");
        }

        if (r.AttemptsAllowed is not (>= 0 and <= 100))
        {
            v.Fail("attemptsAllowed", "training.attempts-allowed");
        }

        if (r.QuestionsPerTest is not (>= 0 and <= 200))
        {
            v.Fail("questionsPerTest", "training.questions-per-test");
        }

        if (r.Penalty is not (>= 0 and <= 1))
        {
            v.Fail("penalty", "training.penalty");
        }

        if (r.DueDays is not (>= 1 and <= 3650))
        {
            v.Fail("dueDays", "training.due-days");
        }

        if (r.RecurrenceMonths is not null and not (>= 1 and <= 120))
        {
            v.Fail("recurrenceMonths", "training.recurrence");
        }

        if (r.MandatoryRoles?.Any(role => !Roles.IsKnown(role)) == true)
        {
            v.Fail("mandatoryRoles", "training.unknown-role");
        }

        return v;
    }

    /// <summary>A course as its editor sees it: settings in both languages and its lessons with their counts (404 outside the caller's scope).</summary>
    public async Task<Outcome<CourseEditDto>> CourseForEditAsync(ClaimsPrincipal user, string key, CancellationToken ct)
    {
        var c = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(x => x.Key == key, ct);
        if (c is null || !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, c.UnitId))
        {
            return Outcome<CourseEditDto>.NotFound();
        }

        var lessons = await db.Set<Lesson>().AsNoTracking().Where(l => l.CourseId == c.Id).OrderBy(l => l.Order).ToListAsync(ct);
        var lines = new List<LessonEditLineDto>();
        foreach (var l in lessons)
        {
            var (cards, uk, en, reflections) = await CountsAsync(l.Id, ct);
            lines.Add(new LessonEditLineDto(l.Id, l.Key, l.Order, l.TitleUk, l.TitleEn, cards, uk, en, reflections));
        }

        var settings = new CourseRequest(c.Key, c.UnitId, c.TitleUk, c.TitleEn, c.SummaryUk, c.SummaryEn, c.AudienceUk, c.AudienceEn, c.PassPercent, c.TimeLimitMinutes,
            c.AttemptsAllowed, c.QuestionsPerTest, c.Behaviour, c.Penalty, c.MandatoryRoles.Split(',', StringSplitOptions.RemoveEmptyEntries), c.DueDays, c.RecurrenceMonths,
            c.Published, c.Version);
        return Outcome<CourseEditDto>.Ok(new CourseEditDto(c.Id, c.Key, settings, lines));
    }

    private async Task<(int Cards, int Uk, int En, int Reflections)> CountsAsync(Guid lessonId, CancellationToken ct) =>
        (await db.Set<Flashcard>().CountAsync(x => x.LessonId == lessonId && x.OwnerUserId == null && !x.Retired, ct),
            await db.Set<BankQuestion>().CountAsync(q => q.LessonId == lessonId && q.Language == "uk" && !q.Retired, ct),
            await db.Set<BankQuestion>().CountAsync(q => q.LessonId == lessonId && q.Language == "en" && !q.Retired, ct),
            await db.Set<Reflection>().CountAsync(r => r.LessonId == lessonId, ct));

    /// <summary>A lesson as its editor sees it, in both languages (404 outside the caller's scope).</summary>
    public async Task<Outcome<LessonEditDto>> LessonForEditAsync(ClaimsPrincipal user, Guid lessonId, CancellationToken ct)
    {
        var (course, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<LessonEditDto>.NotFound();
        }

        var (cards, uk, en, reflections) = await CountsAsync(lesson.Id, ct);
        var flashcards = await db.Set<Flashcard>().AsNoTracking().Where(x => x.LessonId == lesson.Id && x.OwnerUserId == null)
            .OrderBy(x => x.Key).Select(x => new LessonCardDto(x.Id, x.FrontUk, x.FrontEn, x.Retired)).ToListAsync(ct);
        return Outcome<LessonEditDto>.Ok(new LessonEditDto(lesson.Id, course!.Id, course.Key, lesson.Key,
            new LessonRequest(lesson.Key, lesson.Order, lesson.TitleUk, lesson.TitleEn, lesson.BodyUk, lesson.BodyEn, lesson.Version), cards, uk, en, reflections,
            flashcards));
    }

    /// <summary>
    /// Withdraws a lesson's shared flashcard from every learner's deck, or brings it back (a card found wrong or out of
    /// date): learners' memory of it is kept, so a card brought back resumes where each learner left it. Setting what is
    /// already set changes nothing; a learner's own mistake cards are not the editor's (404), nor are cards outside the
    /// caller's scope.
    /// </summary>
    public async Task<Outcome<EditedDto>> SetCardRetiredAsync(ClaimsPrincipal user, Guid cardId, CardRetiredRequest r, CancellationToken ct)
    {
        var card = await db.Set<Flashcard>().FirstOrDefaultAsync(x => x.Id == cardId && x.OwnerUserId == null, ct);
        var (_, lesson) = card is null ? (null, null) : await EditableLessonAsync(user, card.LessonId, ct);
        if (card is null || lesson is null)
        {
            return Outcome<EditedDto>.NotFound();
        }

        if (r.Retired is not { } retired)
        {
            return Outcome<EditedDto>.Invalid(new Validator(loc).Fail("retired", "required"));
        }

        if (card.Retired != retired)
        {
            card.Retired = retired;
            audit.Record(new AuditRecord
            {
                Action = retired ? "training.card.withdrawn" : "training.card.restored", ResourceType = "training-card", ResourceId = card.Id.ToString(),
            });
            await db.SaveChangesAsync(ct);
        }

        return Outcome<EditedDto>.Ok(new EditedDto(card.Id, card.Key, 1));
    }

    /// <summary>Creates a course in a unit the caller trains in (400 naming the fields, 404 outside their scope, 409 for a key in use).</summary>
    public async Task<Outcome<EditedDto>> CreateCourseAsync(ClaimsPrincipal user, CourseRequest r, CancellationToken ct)
    {
        var v = ValidateCourse(r).Required("unitId", r.UnitId);
        if (r.Key is null || !KeyPattern().IsMatch(r.Key))
        {
            v.Fail("key", "training.key");
        }

        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        if (org.Current.Find(r.UnitId!.Value) is null || !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, r.UnitId.Value))
        {
            return Outcome<EditedDto>.NotFound();
        }

        if (await db.Set<Course>().AnyAsync(c => c.Key == r.Key, ct))
        {
            return Outcome<EditedDto>.Conflict("training.key-taken", r.Key);
        }

        var now = clock.GetUtcNow();
        var course = new Course { Id = Guid.CreateVersion7(now), Key = r.Key!, UnitId = r.UnitId.Value, Origin = "trainer", Order = 100, Published = false };
        Apply(course, r, now);
        db.Add(course);
        audit.Record(new AuditRecord { Action = "training.course.created", ResourceType = "training-course", ResourceId = course.Id.ToString(), OrgUnitId = course.UnitId,
            Details = JsonSerializer.Serialize(new { course.Key }) });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(course.Id, course.Key, course.Version));
    }

    private static void Apply(Course c, CourseRequest r, DateTimeOffset now)
    {
        c.TitleUk = r.TitleUk!.Trim();
        c.TitleEn = r.TitleEn!.Trim();
        c.SummaryUk = r.SummaryUk?.Trim() ?? "";
        c.SummaryEn = r.SummaryEn?.Trim() ?? "";
        c.AudienceUk = r.AudienceUk?.Trim() ?? "";
        c.AudienceEn = r.AudienceEn?.Trim() ?? "";
        c.PassPercent = r.PassPercent!.Value;
        c.TimeLimitMinutes = r.TimeLimitMinutes;
        c.AttemptsAllowed = r.AttemptsAllowed!.Value;
        c.QuestionsPerTest = r.QuestionsPerTest!.Value;
        c.Behaviour = r.Behaviour!;
        c.Penalty = r.Penalty!.Value;
        var roles = string.Join(',', (r.MandatoryRoles ?? []).Distinct().Order(StringComparer.Ordinal));
        if (roles != c.MandatoryRoles && roles.Length > 0)
        {
            c.MandatorySince = now.UtcDateTime; // newly obliged people get their due days from now
        }

        c.MandatoryRoles = roles;
        c.DueDays = r.DueDays!.Value;
        c.RecurrenceMonths = r.RecurrenceMonths;
        if (r.Published is { } published)
        {
            c.Published = published;
        }

        c.Version++;
    }

    /// <summary>Edits a course's settings (404 outside the caller's scope; 409 when it changed since read).</summary>
    public async Task<Outcome<EditedDto>> UpdateCourseAsync(ClaimsPrincipal user, string key, CourseRequest r, CancellationToken ct)
    {
        var course = await db.Set<Course>().FirstOrDefaultAsync(c => c.Key == key, ct);
        if (course is null || !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId))
        {
            return Outcome<EditedDto>.NotFound();
        }

        var v = ValidateCourse(r);
        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        if (r.Version is { } expected && expected != course.Version)
        {
            return Outcome<EditedDto>.Conflict("training.course-changed");
        }

        Apply(course, r, clock.GetUtcNow());
        audit.Record(new AuditRecord { Action = "training.course.edited", ResourceType = "training-course", ResourceId = course.Id.ToString(), OrgUnitId = course.UnitId,
            Details = JsonSerializer.Serialize(new { course.Key, course.Published, course.MandatoryRoles }) });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(course.Id, course.Key, course.Version));
    }

    private async Task<(Course? Course, Lesson? Lesson)> EditableLessonAsync(ClaimsPrincipal user, Guid lessonId, CancellationToken ct)
    {
        var lesson = await db.Set<Lesson>().FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        var course = lesson is null ? null : await db.Set<Course>().FirstOrDefaultAsync(c => c.Id == lesson.CourseId, ct);
        return course is not null && await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId) ? (course, lesson) : (null, null);
    }

    private Validator ValidateLesson(LessonRequest r) =>
        new Validator(loc).Required("titleUk", r.TitleUk, 200).Required("titleEn", r.TitleEn, 200).Required("bodyUk", r.BodyUk, 40000).Required("bodyEn", r.BodyEn, 40000);

    public async Task<Outcome<EditedDto>> AddLessonAsync(ClaimsPrincipal user, string courseKey, LessonRequest r, CancellationToken ct)
    {
        var course = await db.Set<Course>().FirstOrDefaultAsync(c => c.Key == courseKey, ct);
        if (course is null || !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId))
        {
            return Outcome<EditedDto>.NotFound();
        }

        var v = ValidateLesson(r);
        if (r.Key is null || !KeyPattern().IsMatch(r.Key))
        {
            v.Fail("key", "training.key");
        }

        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        if (await db.Set<Lesson>().AnyAsync(l => l.CourseId == course.Id && l.Key == r.Key, ct))
        {
            return Outcome<EditedDto>.Conflict("training.key-taken", r.Key);
        }

        var now = clock.GetUtcNow();
        var order = r.Order ?? ((await db.Set<Lesson>().Where(l => l.CourseId == course.Id).MaxAsync(l => (int?)l.Order, ct) ?? 0) + 1);
        var lesson = new Lesson
        {
            Id = Guid.CreateVersion7(now), CourseId = course.Id, Key = r.Key!, Order = order, TitleUk = r.TitleUk!.Trim(), TitleEn = r.TitleEn!.Trim(),
            BodyUk = r.BodyUk!.Trim(), BodyEn = r.BodyEn!.Trim(), Version = 1,
        };
        db.Add(lesson);
        audit.Record(new AuditRecord { Action = "training.lesson.created", ResourceType = "training-lesson", ResourceId = lesson.Id.ToString(),
            Details = JsonSerializer.Serialize(new { course = course.Key, lesson.Key }) });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(lesson.Id, lesson.Key, lesson.Version));
    }

    public async Task<Outcome<EditedDto>> UpdateLessonAsync(ClaimsPrincipal user, Guid lessonId, LessonRequest r, CancellationToken ct)
    {
        var (_, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<EditedDto>.NotFound();
        }

        var v = ValidateLesson(r);
        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        if (r.Version is { } expected && expected != lesson.Version)
        {
            return Outcome<EditedDto>.Conflict("training.lesson-changed");
        }

        lesson.TitleUk = r.TitleUk!.Trim();
        lesson.TitleEn = r.TitleEn!.Trim();
        lesson.BodyUk = r.BodyUk!.Trim();
        lesson.BodyEn = r.BodyEn!.Trim();
        if (r.Order is { } order)
        {
            lesson.Order = order;
        }

        lesson.Version++;
        audit.Record(new AuditRecord { Action = "training.lesson.edited", ResourceType = "training-lesson", ResourceId = lesson.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(lesson.Id, lesson.Key, lesson.Version));
    }

    public async Task<Outcome<EditedDto>> AddCardAsync(ClaimsPrincipal user, Guid lessonId, CardRequest r, CancellationToken ct)
    {
        var (course, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<EditedDto>.NotFound();
        }

        var v = new Validator(loc).Required("frontUk", r.FrontUk, 1000).Required("backUk", r.BackUk, 2000).Required("frontEn", r.FrontEn, 1000).Required("backEn", r.BackEn, 2000);
        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var card = new Flashcard
        {
            // At most 20 + 1 + 20 + 1 + 32 = 74 characters: within the key's 80 without cutting.
            Id = Guid.CreateVersion7(now), LessonId = lesson.Id, Key = $"{course!.Key[..Math.Min(20, course.Key.Length)]}-{lesson.Key[..Math.Min(20, lesson.Key.Length)]}-{Guid.CreateVersion7(now):N}",
            FrontUk = r.FrontUk!.Trim(), BackUk = r.BackUk!.Trim(), FrontEn = r.FrontEn!.Trim(), BackEn = r.BackEn!.Trim(),
        };
        db.Add(card);
        audit.Record(new AuditRecord { Action = "training.card.created", ResourceType = "training-card", ResourceId = card.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(card.Id, card.Key, 1));
    }

    public async Task<Outcome<EditedDto>> AddReflectionAsync(ClaimsPrincipal user, Guid lessonId, ReflectionRequest r, CancellationToken ct)
    {
        var (course, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<EditedDto>.NotFound();
        }

        var v = new Validator(loc).Required("textUk", r.TextUk, 2000).Required("textEn", r.TextEn, 2000);
        if (!v.IsValid)
        {
            return Outcome<EditedDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var reflection = new Reflection
        {
            Id = Guid.CreateVersion7(now), LessonId = lesson.Id, Key = $"{course!.Key[..Math.Min(20, course.Key.Length)]}-r-{Guid.CreateVersion7(now):N}",
            TextUk = r.TextUk!.Trim(), TextEn = r.TextEn!.Trim(),
        };
        db.Add(reflection);
        audit.Record(new AuditRecord { Action = "training.reflection.created", ResourceType = "training-reflection", ResourceId = reflection.Id.ToString() });
        await db.SaveChangesAsync(ct);
        return Outcome<EditedDto>.Ok(new EditedDto(reflection.Id, reflection.Key, 1));
    }

    /// <summary>
    /// Imports a GIFT bank into a lesson in one language. Any malformed question → 400 naming each line and its problem,
    /// and nothing is imported. A question whose title is already in the bank replaces it; untitled questions get a key.
    /// With <c>replace</c>, questions of that language missing from the file are retired (kept for past attempts).
    /// </summary>
    public async Task<Outcome<GiftImportDto>> ImportGiftAsync(ClaimsPrincipal user, Guid lessonId, GiftImportRequest r, CancellationToken ct)
    {
        var (course, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<GiftImportDto>.NotFound();
        }

        var v = new Validator(loc).OneOf("language", r.Language, ["uk", "en"]).Required("gift", r.Gift, 1_000_000);
        if (!v.IsValid)
        {
            return Outcome<GiftImportDto>.Invalid(v);
        }

        var parsed = Gift.Parse(r.Gift!);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors.Take(50))
            {
                v.Fail("gift", "training.gift-line", e.Line, Loc.IsEnglish ? e.MessageEn : e.MessageUk);
            }

            return Outcome<GiftImportDto>.Invalid(v);
        }

        if (parsed.Questions.Count == 0)
        {
            return Outcome<GiftImportDto>.Invalid(v.Fail("gift", "training.gift-empty"));
        }

        var titles = parsed.Questions.Where(q => q.Title is not null).GroupBy(q => q.Title).Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        foreach (var twice in titles)
        {
            v.Fail("gift", "training.gift-title-twice", twice.Line, twice.Title);
        }

        foreach (var q in parsed.Questions.Where(q => q.Title is { Length: > 80 }))
        {
            v.Fail("gift", "training.gift-title-long", q.Line);
        }

        if (!v.IsValid)
        {
            return Outcome<GiftImportDto>.Invalid(v);
        }

        var now = clock.GetUtcNow();
        var language = r.Language!;
        var existing = await db.Set<BankQuestion>().Where(q => q.LessonId == lessonId && q.Language == language).ToListAsync(ct);
        var byKey = existing.ToDictionary(q => q.Key);
        int added = 0, replaced = 0, retired = 0, order = existing.Count == 0 ? 0 : existing.Max(q => q.Order);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in parsed.Questions)
        {
            var key = q.Title ?? $"q-{Guid.CreateVersion7(now):N}";
            seen.Add(key);
            var gift = Gift.Write([q with { Title = key }]);
            if (byKey.TryGetValue(key, out var stored))
            {
                if (stored.Gift != gift || stored.Retired)
                {
                    // Past attempts keep the text they were given: the old row is retired under another key, the new text is a new row.
                    stored.Retired = true;
                    stored.Key = $"{key}~{now.ToUnixTimeMilliseconds()}";
                    db.Add(new BankQuestion { Id = Guid.CreateVersion7(now), LessonId = lessonId, Key = key, Language = language, Order = stored.Order, Kind = QuestionKinds.Code(q.Kind), Gift = gift });
                    replaced++;
                }
            }
            else
            {
                db.Add(new BankQuestion { Id = Guid.CreateVersion7(now), LessonId = lessonId, Key = key, Language = language, Order = ++order, Kind = QuestionKinds.Code(q.Kind), Gift = gift });
                added++;
            }
        }

        if (r.Replace == true)
        {
            foreach (var q in existing.Where(q => !seen.Contains(q.Key) && !q.Retired))
            {
                q.Retired = true;
                retired++;
            }
        }

        // Renamed (retired) rows first, then the new rows that take their keys: one transaction, two batches.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fresh = db.ChangeTracker.Entries<BankQuestion>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var q in fresh)
        {
            db.Entry(q).State = EntityState.Detached;
        }

        await db.SaveChangesAsync(ct);
        db.AddRange(fresh);
        audit.Record(new AuditRecord
        {
            Action = "training.questions.imported", ResourceType = "training-lesson", ResourceId = lessonId.ToString(),
            Details = JsonSerializer.Serialize(new { course = course!.Key, lesson = lesson.Key, language, added, replaced, retired }),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var total = await db.Set<BankQuestion>().CountAsync(q => q.LessonId == lessonId && q.Language == language && !q.Retired, ct);
        return Outcome<GiftImportDto>.Ok(new GiftImportDto(added, replaced, retired, total));
    }

    /// <summary>A lesson's bank in one language as GIFT (current questions, bank order).</summary>
    public async Task<Outcome<string>> ExportGiftAsync(ClaimsPrincipal user, Guid lessonId, string? language, CancellationToken ct)
    {
        var (_, lesson) = await EditableLessonAsync(user, lessonId, ct);
        if (lesson is null)
        {
            return Outcome<string>.NotFound();
        }

        var v = new Validator(loc).OneOf("language", language, ["uk", "en"]);
        if (!v.IsValid)
        {
            return Outcome<string>.Invalid(v);
        }

        var questions = await db.Set<BankQuestion>().AsNoTracking().Where(q => q.LessonId == lessonId && q.Language == language && !q.Retired).OrderBy(q => q.Order).ToListAsync(ct);
        await audit.AppendAsync(new AuditRecord { Action = "training.questions.exported", Category = AuditCategory.Read, ResourceType = "training-lesson", ResourceId = lessonId.ToString() }, ct);
        return Outcome<string>.Ok(Gift.Write(questions.Select(AttemptService.Parse)));
    }
}
