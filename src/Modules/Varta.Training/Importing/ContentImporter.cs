using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;
using Varta.Training.Attempts;
using Varta.Training.Data;
using Varta.Training.Questions;

namespace Varta.Training.Importing;

/// <summary>
/// Imports the courses Varta ships at every start: a course, lesson, card, reflective question or bank question whose
/// key is not stored yet is added; what is stored is left as a trainer may have edited it.
/// </summary>
internal sealed class ContentImporter : IStartupTask
{
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<TrainingOptions>>().Value.ImportShippedContent)
        {
            return;
        }

        var db = services.GetRequiredService<VartaDbContext>();
        var org = services.GetRequiredService<OrgDirectory>();
        var clock = services.GetRequiredService<TimeProvider>();
        var added = await ImportAsync(db, ContentFiles.Shipped(), org.Current.Children(null).FirstOrDefault()?.Id ?? Guid.Empty, clock.GetUtcNow(), cancellationToken);
        services.GetRequiredService<ILogger<ContentImporter>>().LogInformation("Training content: {Added} items added from the shipped courses", added);
    }

    /// <summary>Adds what is missing; returns how many items were added.</summary>
    public static async Task<int> ImportAsync(VartaDbContext db, IReadOnlyList<CourseFiles> courses, Guid countryId, DateTimeOffset now, CancellationToken ct)
    {
        var added = 0;
        foreach (var files in courses)
        {
            var meta = files.Meta;
            var course = await db.Set<Course>().FirstOrDefaultAsync(c => c.Key == files.Key, ct);
            if (course is null)
            {
                course = new Course
                {
                    Id = Guid.CreateVersion7(now),
                    Key = files.Key,
                    UnitId = countryId,
                    Origin = "shipped",
                    Order = Int(meta, "order", 100),
                    TitleUk = meta["title.uk"],
                    TitleEn = meta["title.en"],
                    SummaryUk = meta.GetValueOrDefault("summary.uk", ""),
                    SummaryEn = meta.GetValueOrDefault("summary.en", ""),
                    AudienceUk = meta.GetValueOrDefault("audience.uk", ""),
                    AudienceEn = meta.GetValueOrDefault("audience.en", ""),
                    PassPercent = Int(meta, "pass-percent", 70),
                    TimeLimitMinutes = Int(meta, "time-limit-minutes", 0) is > 0 and var limit ? limit : null,
                    AttemptsAllowed = Int(meta, "attempts-allowed", 0),
                    QuestionsPerTest = Int(meta, "questions-per-test", 0),
                    Behaviour = meta.GetValueOrDefault("behaviour", "deferred"),
                    Penalty = double.TryParse(meta.GetValueOrDefault("penalty"), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 0,
                    MandatoryRoles = string.Join(',', (meta.GetValueOrDefault("mandatory-roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                    RecurrenceMonths = Int(meta, "recurrence-months", 0) is > 0 and var months ? months : null,
                    DueDays = Int(meta, "due-days", 90),
                    MandatorySince = now.UtcDateTime,
                };
                db.Add(course);
                added++;
            }

            var lessons = await db.Set<Lesson>().Where(l => l.CourseId == course.Id).ToDictionaryAsync(l => l.Key, ct);
            foreach (var lf in files.Lessons)
            {
                if (!lessons.TryGetValue(lf.Key, out var lesson))
                {
                    var (titleUk, bodyUk) = ContentFiles.SplitTitle(lf.MarkdownUk);
                    var (titleEn, bodyEn) = ContentFiles.SplitTitle(lf.MarkdownEn);
                    lesson = new Lesson
                    {
                        Id = Guid.CreateVersion7(now), CourseId = course.Id, Key = lf.Key, Order = lf.Order,
                        TitleUk = titleUk, TitleEn = titleEn, BodyUk = bodyUk, BodyEn = bodyEn,
                    };
                    db.Add(lesson);
                    added++;
                }

                added += await AddCardsAsync(db, lesson.Id, lf, now, ct);
                added += await AddQuestionsAsync(db, lesson.Id, lf, now, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private static async Task<int> AddCardsAsync(VartaDbContext db, Guid lessonId, LessonFiles lf, DateTimeOffset now, CancellationToken ct)
    {
        var keys = lf.Cards.Select(c => c["card"]).Concat(lf.Reflections.Select(r => r["reflection"])).ToList();
        var cards = await db.Set<Flashcard>().Where(c => keys.Contains(c.Key)).Select(c => c.Key).ToListAsync(ct);
        var reflections = await db.Set<Reflection>().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct);
        var added = 0;
        foreach (var c in lf.Cards.Where(c => !cards.Contains(c["card"])))
        {
            db.Add(new Flashcard
            {
                Id = Guid.CreateVersion7(now), LessonId = lessonId, Key = c["card"],
                FrontUk = c["front.uk"], BackUk = c["back.uk"], FrontEn = c["front.en"], BackEn = c["back.en"],
            });
            added++;
        }

        foreach (var r in lf.Reflections.Where(r => !reflections.Contains(r["reflection"])))
        {
            db.Add(new Reflection { Id = Guid.CreateVersion7(now), LessonId = lessonId, Key = r["reflection"], TextUk = r["text.uk"], TextEn = r["text.en"] });
            added++;
        }

        return added;
    }

    private static async Task<int> AddQuestionsAsync(VartaDbContext db, Guid lessonId, LessonFiles lf, DateTimeOffset now, CancellationToken ct)
    {
        var stored = (await db.Set<BankQuestion>().Where(q => q.LessonId == lessonId).Select(q => new { q.Language, q.Key }).ToListAsync(ct))
            .Select(q => (q.Language, q.Key)).ToHashSet();
        var added = 0;
        foreach (var (language, text) in new[] { ("uk", lf.GiftUk), ("en", lf.GiftEn) })
        {
            var parsed = Gift.Parse(text);
            if (parsed.Errors.Count > 0)
            {
                var e = parsed.Errors[0];
                throw new FormatException($"Shipped lesson {lf.Key} ({language}): line {e.Line}: {e.MessageEn}");
            }

            var order = 0;
            foreach (var q in parsed.Questions)
            {
                order++;
                var key = q.Title ?? $"{lf.Key}-{order:D2}";
                if (stored.Add((language, key)))
                {
                    db.Add(new BankQuestion
                    {
                        Id = Guid.CreateVersion7(now), LessonId = lessonId, Key = key, Language = language, Order = order,
                        Kind = QuestionKinds.Code(q.Kind), Gift = Gift.Write([q with { Title = key }]),
                    });
                    added++;
                }
            }
        }

        return added;
    }

    private static int Int(IReadOnlyDictionary<string, string> meta, string key, int fallback) =>
        int.TryParse(meta.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
