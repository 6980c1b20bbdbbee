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
using Varta.Training.Certificates;
using Varta.Training.Data;
using Varta.Training.Questions;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Attempts;

/// <summary>
/// Lesson tests with Moodle's behaviours. An attempt draws its questions from the lesson's bank in the learner's
/// language and shuffles their choices; answers are saved as the learner goes, and only while the time limit runs;
/// submitting grades what was saved in time, once. Questions got wrong become flashcards in the learner's deck; the
/// last lesson test passed earns the course's certificate.
/// </summary>
internal sealed class AttemptService(VartaDbContext db, IAuthorizationService authorization, CertificateService certificates, IAuditLog audit,
    TimeProvider clock, Loc loc)
{
    /// <summary>Tries a question gets in the interactive behaviour.</summary>
    public const int InteractiveTries = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Starts an attempt at a lesson's test, or returns the one in progress: 404 for a lesson not published, 409 when
    /// no attempt is left or the bank is empty.
    /// </summary>
    public async Task<Outcome<AttemptDto>> StartAsync(ClaimsPrincipal user, Guid lessonId, CancellationToken ct)
    {
        var me = user.UserId();
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        var course = lesson is null ? null : await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == lesson.CourseId, ct);
        if (lesson is null || course is null || (!course.Published && !await authorization.AllowsAsync(user, TrainingPolicies.EditCourses, course.UnitId)))
        {
            return Outcome<AttemptDto>.NotFound();
        }

        var now = clock.GetUtcNow();
        var previous = await db.Set<Attempt>().Where(a => a.UserId == me && a.LessonId == lessonId).OrderBy(a => a.Number).ToListAsync(ct);
        if (previous.FirstOrDefault(a => a.Status == AttemptStatus.InProgress) is { } open)
        {
            if (open.DeadlineAt is not { } deadline || deadline > now.UtcDateTime)
            {
                return Outcome<AttemptDto>.Ok(await DtoAsync(open, course, lesson, ct));
            }

            await FinishAsync(open, course, now, ct); // its time ran out: what was saved in time is graded
            await db.SaveChangesAsync(ct);
        }

        if (course.AttemptsAllowed > 0 && previous.Count >= course.AttemptsAllowed)
        {
            return Outcome<AttemptDto>.Conflict("training.no-attempts-left", course.AttemptsAllowed);
        }

        var language = Loc.IsEnglish ? "en" : "uk";
        var bank = await db.Set<BankQuestion>().AsNoTracking().Where(q => q.LessonId == lessonId && !q.Retired && q.Kind != "description")
            .OrderBy(q => q.Order).ToListAsync(ct);
        var inLanguage = bank.Where(q => q.Language == language).ToList();
        if (inLanguage.Count == 0)
        {
            inLanguage = bank.Where(q => q.Language != language).ToList();
        }

        if (inLanguage.Count == 0)
        {
            return Outcome<AttemptDto>.Conflict("training.no-questions");
        }

        var seed = Random.Shared.Next();
        var drawn = Draw(inLanguage, course.QuestionsPerTest, seed);
        var attempt = new Attempt
        {
            Id = Guid.CreateVersion7(now), UserId = me, UserName = NameOf(user), CourseId = course.Id, LessonId = lessonId,
            Number = previous.Count + 1, Language = drawn[0].Language, Behaviour = course.Behaviour, Penalty = course.Penalty,
            StartedAt = now.UtcDateTime, DeadlineAt = course.TimeLimitMinutes is { } minutes ? now.UtcDateTime.AddMinutes(minutes) : null,
            Status = AttemptStatus.InProgress,
        };
        db.Add(attempt);
        var random = new Random(seed);
        var slot = 0;
        foreach (var q in drawn)
        {
            var question = Parse(q);
            db.Add(new AttemptItem
            {
                Id = Guid.CreateVersion7(now), AttemptId = attempt.Id, QuestionId = q.Id, QuestionKey = q.Key, Slot = ++slot,
                Shuffle = string.Join(',', Shuffle(question, random)),
            });
        }

        attempt.MaxScore = drawn.Count;
        var queued = audit.Record(new AuditRecord
        {
            Action = "training.attempt.started", ResourceType = "training-attempt", ResourceId = attempt.Id.ToString(),
            Details = JsonSerializer.Serialize(new { course = course.Key, lesson = lesson.Key, attempt.Number, questions = drawn.Count }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab started the same attempt number first: answer with the one that exists.
            audit.Withdraw(queued);
            db.ChangeTracker.Clear();
            var existing = await db.Set<Attempt>().FirstAsync(a => a.UserId == me && a.LessonId == lessonId && a.Number == previous.Count + 1, ct);
            return Outcome<AttemptDto>.Ok(await DtoAsync(existing, course, lesson, ct));
        }

        return Outcome<AttemptDto>.Ok(await DtoAsync(attempt, course, lesson, ct));
    }

    /// <summary>Random draw without repetition (all when count ≤ 0), in bank order for a stable reading order.</summary>
    private static List<BankQuestion> Draw(List<BankQuestion> bank, int count, int seed)
    {
        if (count <= 0 || count >= bank.Count)
        {
            return bank;
        }

        var random = new Random(seed);
        return bank.OrderBy(_ => random.Next()).Take(count).OrderBy(q => q.Order).ToList();
    }

    /// <summary>The order choices (or matching answers) are offered in, as original indexes.</summary>
    private static int[] Shuffle(Question q, Random random)
    {
        var n = q.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => q.Choices.Count,
            QuestionKind.Matching => q.Pairs.Count,
            _ => 0,
        };
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        return order;
    }

    public static Question Parse(BankQuestion q)
    {
        var parsed = Gift.Parse(q.Gift);
        return parsed.Questions.Count == 1 && parsed.Errors.Count == 0
            ? parsed.Questions[0]
            : throw new InvalidOperationException($"Stored question {q.Key} ({q.Language}) no longer parses as GIFT.");
    }

    /// <summary>The caller's attempt; 404 for anyone else's.</summary>
    public async Task<Outcome<AttemptDto>> GetAsync(ClaimsPrincipal user, Guid attemptId, CancellationToken ct)
    {
        var me = user.UserId();
        var attempt = await db.Set<Attempt>().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == me, ct);
        if (attempt is null)
        {
            return Outcome<AttemptDto>.NotFound();
        }

        var course = await db.Set<Course>().AsNoTracking().FirstAsync(c => c.Id == attempt.CourseId, ct);
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstAsync(l => l.Id == attempt.LessonId, ct);
        var now = clock.GetUtcNow();
        if (attempt.Status == AttemptStatus.InProgress && attempt.DeadlineAt is { } deadline && deadline <= now.UtcDateTime)
        {
            await FinishAsync(attempt, course, now, ct); // the time limit ended while the learner was away
            await db.SaveChangesAsync(ct);
        }

        return Outcome<AttemptDto>.Ok(await DtoAsync(attempt, course, lesson, ct));
    }

    /// <summary>
    /// Saves an answer while the attempt runs: 409 once it is submitted or its time is up (the answer is not stored),
    /// or when the question is already finished (checked in the immediate or interactive behaviour).
    /// </summary>
    public async Task<Outcome<AttemptItemDto>> SaveAsync(ClaimsPrincipal user, Guid attemptId, int slot, SaveRequest request, CancellationToken ct)
    {
        var (attempt, item, problem) = await OpenItemAsync(user, attemptId, slot, ct);
        if (problem is not null)
        {
            return problem.Failure<AttemptItemDto>();
        }

        var question = Parse(await db.Set<BankQuestion>().AsNoTracking().FirstAsync(q => q.Id == item!.QuestionId, ct));
        var v = ValidateResponse(question, request.Response);
        if (!v.IsValid)
        {
            return Outcome<AttemptItemDto>.Invalid(v);
        }

        item!.Response = request.Response is null ? null : JsonSerializer.Serialize(request.Response, Json);
        item.SavedAt = clock.GetUtcNow().UtcDateTime;
        attempt!.Version++;
        if (!await TrySaveAsync(ct))
        {
            return Outcome<AttemptItemDto>.Conflict("training.attempt-changed");
        }

        return Outcome<AttemptItemDto>.Ok(ItemDto(item, question, attempt, showFeedback: false));
    }

    /// <summary>
    /// Checks an answer now (immediate feedback: once; interactive: up to three tries, a penalty for each wrong one).
    /// 409 in the deferred behaviour, after the attempt or its time, or when the question is finished.
    /// </summary>
    public async Task<Outcome<AttemptItemDto>> CheckAsync(ClaimsPrincipal user, Guid attemptId, int slot, SaveRequest request, CancellationToken ct)
    {
        var (attempt, item, problem) = await OpenItemAsync(user, attemptId, slot, ct);
        if (problem is not null)
        {
            return problem.Failure<AttemptItemDto>();
        }

        if (attempt!.Behaviour == Behaviours.Deferred)
        {
            return Outcome<AttemptItemDto>.Conflict("training.check-deferred");
        }

        var question = Parse(await db.Set<BankQuestion>().AsNoTracking().FirstAsync(q => q.Id == item!.QuestionId, ct));
        var v = ValidateResponse(question, request.Response);
        if (request.Response is null || !Grader.IsComplete(question, request.Response))
        {
            v.Fail("response", "training.incomplete"); // Moodle's rule: an incomplete answer uses no try
        }

        if (!v.IsValid)
        {
            return Outcome<AttemptItemDto>.Invalid(v);
        }

        item!.Response = JsonSerializer.Serialize(request.Response, Json);
        item.SavedAt = clock.GetUtcNow().UtcDateTime;
        var mark = Grader.Grade(question, request.Response!);
        item.Tries++;
        var fraction = mark.Fraction ?? 0;
        item.Feedback = FeedbackOf(mark);
        if (attempt.Behaviour == Behaviours.Immediate || question.Kind == QuestionKind.Essay)
        {
            item.Finished = true;
            item.Mark = mark.Fraction;
        }
        else
        {
            // Interactive: right, or out of tries, finishes the question; each earlier wrong try costs the penalty.
            var right = fraction >= 0.999999;
            if (right || item.Tries >= InteractiveTries)
            {
                item.Finished = true;
                item.Mark = Math.Max(0, fraction - (attempt.Penalty * (item.Tries - 1)));
            }
        }

        attempt.Version++;
        if (!await TrySaveAsync(ct))
        {
            return Outcome<AttemptItemDto>.Conflict("training.attempt-changed");
        }

        return Outcome<AttemptItemDto>.Ok(ItemDto(item, question, attempt, showFeedback: true));
    }

    /// <summary>
    /// Saves, or answers false when the attempt changed meanwhile (submitted, or another answer saved from another tab):
    /// nothing of this request is stored, and the caller refuses loudly.
    /// </summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<(Attempt? Attempt, AttemptItem? Item, Outcome<AttemptItemDto>? Problem)> OpenItemAsync(ClaimsPrincipal user, Guid attemptId, int slot, CancellationToken ct)
    {
        var me = user.UserId();
        var attempt = await db.Set<Attempt>().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == me, ct);
        var item = attempt is null ? null : await db.Set<AttemptItem>().FirstOrDefaultAsync(i => i.AttemptId == attemptId && i.Slot == slot, ct);
        if (attempt is null || item is null)
        {
            return (null, null, Outcome<AttemptItemDto>.NotFound());
        }

        if (attempt.Status != AttemptStatus.InProgress)
        {
            return (null, null, Outcome<AttemptItemDto>.Conflict("training.attempt-submitted"));
        }

        if (attempt.DeadlineAt is { } deadline && deadline <= clock.GetUtcNow().UtcDateTime)
        {
            return (null, null, Outcome<AttemptItemDto>.Conflict("training.time-up"));
        }

        return item.Finished ? (null, null, Outcome<AttemptItemDto>.Conflict("training.question-finished")) : (attempt, item, null);
    }

    /// <summary>A response names choices and matching items that exist, and stays within sizes.</summary>
    private Validator ValidateResponse(Question q, ResponseValue? r)
    {
        var v = new Validator(loc);
        if (r is null)
        {
            return v;
        }

        if (r.Selected is { } selected && (selected.Count > 50 || selected.Any(i => i < 0 || i >= Math.Max(q.Choices.Count, 2))))
        {
            v.Fail("response.selected", "training.bad-choice");
        }

        if (q.Kind == QuestionKind.SingleChoice && r.Selected is { Count: > 1 })
        {
            v.Fail("response.selected", "training.one-choice");
        }

        v.MaxLength("response.text", r.Text, q.Kind == QuestionKind.Essay ? 8000 : 500);
        if (r.Matches is { } matches && (matches.Count > 50 || matches.Keys.Any(k => k < 0 || k >= q.Pairs.Count) || matches.Values.Any(s => s is null || s.Length > 500)))
        {
            v.Fail("response.matches", "training.bad-match");
        }

        return v;
    }

    /// <summary>
    /// Submits an attempt, once: answers sent with it count only while the time limit runs (those saved in time always
    /// count). 409 for a second submit. Grades every question; an essay leaves the attempt awaiting a trainer.
    /// </summary>
    public async Task<Outcome<AttemptDto>> SubmitAsync(ClaimsPrincipal user, Guid attemptId, SubmitRequest request, CancellationToken ct)
    {
        var me = user.UserId();
        var attempt = await db.Set<Attempt>().FirstOrDefaultAsync(a => a.Id == attemptId && a.UserId == me, ct);
        if (attempt is null)
        {
            return Outcome<AttemptDto>.NotFound();
        }

        if (attempt.Status != AttemptStatus.InProgress)
        {
            return Outcome<AttemptDto>.Conflict("training.attempt-submitted");
        }

        var now = clock.GetUtcNow();
        var inTime = attempt.DeadlineAt is not { } deadline || deadline > now.UtcDateTime;
        if (request.Responses is { Count: > 0 } && inTime)
        {
            var items = await db.Set<AttemptItem>().Where(i => i.AttemptId == attemptId).ToListAsync(ct);
            var questions = await QuestionsAsync(items, ct);
            var v = new Validator(loc);
            foreach (var (slot, response) in request.Responses)
            {
                var item = items.FirstOrDefault(i => i.Slot == slot);
                if (item is null)
                {
                    v.Fail($"responses.{slot}", "training.bad-slot");
                    continue;
                }

                var rv = ValidateResponse(questions[item.QuestionId], response);
                if (!rv.IsValid)
                {
                    v.Fail($"responses.{slot}", "training.bad-response");
                }
                else if (!item.Finished)
                {
                    item.Response = JsonSerializer.Serialize(response, Json);
                    item.SavedAt = now.UtcDateTime;
                }
            }

            if (!v.IsValid)
            {
                db.ChangeTracker.Clear();
                return Outcome<AttemptDto>.Invalid(v);
            }
        }

        var course = await db.Set<Course>().AsNoTracking().FirstAsync(c => c.Id == attempt.CourseId, ct);
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstAsync(l => l.Id == attempt.LessonId, ct);
        await FinishAsync(attempt, course, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<AttemptDto>.Conflict("training.attempt-submitted");
        }

        return Outcome<AttemptDto>.Ok(await DtoAsync(attempt, course, lesson, ct));
    }

    private async Task<Dictionary<Guid, Question>> QuestionsAsync(IEnumerable<AttemptItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.QuestionId).Distinct().ToList();
        return (await db.Set<BankQuestion>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToListAsync(ct)).ToDictionary(q => q.Id, Parse);
    }

    /// <summary>Grades what was saved (the caller saves): deferred questions by their last answer, unfinished interactive ones as one more try.</summary>
    private async Task FinishAsync(Attempt attempt, Course course, DateTimeOffset now, CancellationToken ct)
    {
        var items = await db.Set<AttemptItem>().Where(i => i.AttemptId == attempt.Id).ToListAsync(ct);
        var questions = await QuestionsAsync(items, ct);
        foreach (var item in items.Where(i => !i.Finished))
        {
            var question = questions[item.QuestionId];
            var response = item.Response is null ? null : JsonSerializer.Deserialize<ResponseValue>(item.Response, Json);
            var mark = response is null ? null : Grader.Grade(question, response);
            item.Feedback = mark is null ? null : FeedbackOf(mark);
            if (question.Kind == QuestionKind.Essay)
            {
                item.Mark = response is null || string.IsNullOrWhiteSpace(response.Text) ? 0 : null; // a trainer grades a written essay
            }
            else
            {
                var fraction = mark?.Fraction ?? 0;
                var penalty = attempt.Behaviour == Behaviours.Interactive && response is not null ? attempt.Penalty * item.Tries : 0;
                item.Mark = Math.Max(0, fraction - penalty);
            }

            item.Finished = true;
        }

        attempt.SubmittedAt = now.UtcDateTime;
        attempt.Version++;
        Score(attempt, course, items);
        audit.Record(new AuditRecord
        {
            Action = "training.attempt.submitted", ResourceType = "training-attempt", ResourceId = attempt.Id.ToString(),
            Details = JsonSerializer.Serialize(new { course = course.Key, attempt.Number, attempt.Status, attempt.Score, attempt.MaxScore, attempt.Passed }),
        });
        await MistakeCardsAsync(attempt, items, questions, now, ct);
        if (attempt.Passed == true)
        {
            await certificates.IssueIfCompleteAsync(attempt.UserId, attempt.UserName, course, attempt.LessonId, now, ct);
        }
    }

    /// <summary>The attempt's score and standing: awaiting a trainer while an essay is ungraded.</summary>
    public static void Score(Attempt attempt, Course course, IReadOnlyList<AttemptItem> items)
    {
        if (items.Any(i => i.Mark is null))
        {
            attempt.Status = AttemptStatus.NeedsGrading;
            attempt.Score = null;
            attempt.Passed = null;
            return;
        }

        attempt.Status = AttemptStatus.Finished;
        attempt.Score = Math.Round(items.Sum(i => i.Mark!.Value), 6);
        attempt.MaxScore = items.Count;
        attempt.Passed = attempt.MaxScore > 0 && attempt.Score / attempt.MaxScore * 100 >= course.PassPercent - 1e-9;
    }

    /// <summary>Each question got wrong (not an essay) becomes a card in the learner's deck, in both languages, once.</summary>
    private async Task MistakeCardsAsync(Attempt attempt, List<AttemptItem> items, Dictionary<Guid, Question> questions, DateTimeOffset now, CancellationToken ct)
    {
        var wrong = items.Where(i => i.Mark is < 0.999999 && questions[i.QuestionId].Kind is not (QuestionKind.Essay or QuestionKind.Description)).ToList();
        if (wrong.Count == 0)
        {
            return;
        }

        var keys = wrong.Select(i => i.QuestionKey).ToList();
        var versions = (await db.Set<BankQuestion>().AsNoTracking().Where(q => q.LessonId == attempt.LessonId && keys.Contains(q.Key)).ToListAsync(ct))
            .ToLookup(q => q.Key);
        var cardKeys = keys.Select(k => MistakeKey(attempt.UserId, k)).ToList();
        var existing = (await db.Set<Flashcard>().AsNoTracking().Where(c => cardKeys.Contains(c.Key)).Select(c => c.Key).ToListAsync(ct)).ToHashSet();
        foreach (var item in wrong)
        {
            var key = MistakeKey(attempt.UserId, item.QuestionKey);
            if (!existing.Add(key))
            {
                continue;
            }

            var uk = versions[item.QuestionKey].FirstOrDefault(q => q.Language == "uk") ?? versions[item.QuestionKey].First();
            var en = versions[item.QuestionKey].FirstOrDefault(q => q.Language == "en") ?? uk;
            var (frontUk, backUk) = Answers.AsCard(Parse(uk));
            var (frontEn, backEn) = Answers.AsCard(Parse(en));
            db.Add(new Flashcard
            {
                Id = Guid.CreateVersion7(now), LessonId = attempt.LessonId, Key = key, OwnerUserId = attempt.UserId, QuestionId = item.QuestionId,
                FrontUk = Cut(frontUk, 1000), BackUk = Cut(backUk, 2000), FrontEn = Cut(frontEn, 1000), BackEn = Cut(backEn, 2000),
            });
        }
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string MistakeKey(Guid userId, string questionKey)
    {
        var key = $"m-{userId:N}-{questionKey}";
        return key.Length <= 80 ? key : key[..80];
    }

    public async Task<AttemptDto> DtoAsync(Attempt attempt, Course course, Lesson lesson, CancellationToken ct)
    {
        var items = await db.Set<AttemptItem>().AsNoTracking().Where(i => i.AttemptId == attempt.Id).OrderBy(i => i.Slot).ToListAsync(ct);
        var questions = await QuestionsAsync(items, ct);
        var done = attempt.Status != AttemptStatus.InProgress;
        return new AttemptDto(attempt.Id, course.Key, Loc.IsEnglish ? course.TitleEn : course.TitleUk, lesson.Key, Loc.IsEnglish ? lesson.TitleEn : lesson.TitleUk,
            attempt.Number, attempt.Status, attempt.Behaviour, Utc(attempt.StartedAt), Utc(attempt.DeadlineAt), Utc(attempt.SubmittedAt),
            attempt.Score is { } s && attempt.MaxScore > 0 ? Math.Round(s / attempt.MaxScore * 100, 1) : null, attempt.Passed, course.PassPercent, attempt.Penalty,
            attempt.Behaviour == Behaviours.Interactive ? InteractiveTries : 1,
            [.. items.Select(i => ItemDto(i, questions[i.QuestionId], attempt, showFeedback: done || i.Finished))], attempt.Version);
    }

    public static AttemptItemDto ItemDto(AttemptItem item, Question q, Attempt attempt, bool showFeedback)
    {
        var order = item.Shuffle.Length == 0 ? [] : item.Shuffle.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        IReadOnlyList<OptionDto> options = q.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => [.. order.Where(i => i < q.Choices.Count).Select(i => new OptionDto(i, q.Choices[i].Text))],
            QuestionKind.TrueFalse => [new OptionDto(ResponseValue.True, "true"), new OptionDto(ResponseValue.False, "false")],
            _ => [],
        };
        IReadOnlyList<OptionDto> lefts = q.Kind == QuestionKind.Matching ? [.. q.Pairs.Select((p, i) => new OptionDto(i, p.Left))] : [];
        IReadOnlyList<string> rights = q.Kind == QuestionKind.Matching ? [.. order.Where(i => i < q.Pairs.Count).Select(i => q.Pairs[i].Right).Distinct()] : [];
        var done = attempt.Status != AttemptStatus.InProgress;
        var response = item.Response is null ? null : JsonSerializer.Deserialize<ResponseValue>(item.Response, Json);
        return new AttemptItemDto(item.Slot, QuestionKinds.Code(q.Kind), q.Text, options, lefts, rights, response, item.Tries, item.Finished,
            showFeedback ? item.Mark : null,
            showFeedback ? Join(item.Feedback, item.Finished || done ? q.GeneralFeedback : null) : null,
            done || (item.Finished && attempt.Behaviour != Behaviours.Deferred) ? Answers.Right(q) : null,
            done ? item.TrainerComment : null);
    }

    /// <summary>The author's feedback for the answer matched, else our own notice (a number that is not one) in the caller's language.</summary>
    private static string? FeedbackOf(Mark mark) => mark.Feedback ?? (Loc.IsEnglish ? mark.NoticeEn : mark.NoticeUk);

    private static string? Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? (string.IsNullOrWhiteSpace(b) ? null : b) : string.IsNullOrWhiteSpace(b) ? a : a + "\n" + b;

    public static string NameOf(ClaimsPrincipal user) => user.FindFirst(VartaClaims.DisplayName)?.Value ?? user.Identity?.Name ?? "";
}

internal static class AttemptStatus
{
    public const string InProgress = "in-progress";
    public const string NeedsGrading = "needs-grading";
    public const string Finished = "finished";
}

internal static class Behaviours
{
    public const string Deferred = "deferred";
    public const string Immediate = "immediate";
    public const string Interactive = "interactive";

    public static readonly string[] All = [Deferred, Immediate, Interactive];
}
