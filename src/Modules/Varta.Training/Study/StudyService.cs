using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;
using Varta.Training.Data;
using Varta.Training.Scheduling;
using static Varta.Platform.Persistence.StoredTime;

namespace Varta.Training.Study;

/// <summary>
/// Flashcards on FSRS-6: the learner's deck is the cards of the lessons they have read and the cards made from the
/// questions they got wrong. Reviews due come first, then new cards up to the day's allowance; a review is graded
/// Again, Hard, Good or Easy and the card's next due day is spread over the learner's working days under their limit.
/// </summary>
internal sealed class StudyService(VartaDbContext db, TimeProvider clock, Loc loc, IOptions<TrainingOptions> options)
{
    /// <summary>
    /// The cards to review now: due first (oldest due first), then new ones, within the day's limits. Cards taken out of
    /// study (retired, or of a course no longer published) are neither shown nor counted, though their memory is kept.
    /// One round trip when the due cards fill the page, two when new cards are looked for too.
    /// </summary>
    public async Task<QueueDto> QueueAsync(ClaimsPrincipal user, int take, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var dayStart = KyivTime.StartOf(KyivTime.DayOf(now)).UtcDateTime;
        take = Math.Clamp(take, 1, 100);

        // One round trip: the settings, the day's reviews so far, the due count and, joined, the first due cards with their
        // texts. The due count is the index-only count of the learner's due rows less the withdrawn ones among them; those
        // are found from the card side (the few withdrawn cards, then the learner's memory of each by the (UserId, CardId)
        // key) and their due test is in the sum, not the WHERE, so that no plan walks the due rows for their CardId; they are
        // looked for only when there are at least `take` due cards (fewer: the page holds every one that counts). The page
        // is read for `take` cards whatever the day's room (known only from this very row); the few extra are not shown.
        var dueRows = db.Set<CardMemoryRow>().Where(m => m.UserId == me && m.DueAt <= nowUtc);
        var withdrawn = WithdrawnCards(me);
        var duePage = (from m in dueRows
                       join c in db.Set<Flashcard>() on m.CardId equals c.Id
                       join l in db.Set<Lesson>() on c.LessonId equals l.Id
                       join co in db.Set<Course>() on l.CourseId equals co.Id
                       where !c.Retired && co.Published
                       orderby m.DueAt
                       select new QueueRow { Memory = m, Card = c, LessonUk = l.TitleUk, LessonEn = l.TitleEn, CourseUk = co.TitleUk, CourseEn = co.TitleEn })
            .Take(take);
        var rows = await (from s in db.Set<LearnerSettings>().Where(s => s.UserId == me).DefaultIfEmpty()
                          from d in duePage.DefaultIfEmpty()
                          select new
                          {
                              Settings = s,
                              Reviewed = db.Set<ReviewLogRow>().Count(r => r.UserId == me && r.ReviewedAt >= dayStart),
                              New = db.Set<ReviewLogRow>().Count(r => r.UserId == me && r.ReviewedAt >= dayStart && r.PhaseBefore == (int)CardPhase.New),
                              Due = dueRows.Count(),
                              WithdrawnDue = dueRows.Count() < take
                                  ? 0
                                  : db.Set<CardMemoryRow>().Where(m => m.UserId == me && withdrawn.Contains(m.CardId)).Sum(m => m.DueAt <= nowUtc ? 1 : 0),
                              Row = d,
                          }).AsNoTracking().ToListAsync(ct);
        var first = rows[0];
        var settings = first.Settings ?? new LearnerSettings { UserId = me };
        var reviewedToday = first.Reviewed;
        var room = Math.Max(0, settings.DailyLimit - reviewedToday);
        var page = Math.Min(take, room);

        // Stable: rows of equal due time keep the order the database read them in (the index's).
        List<QueueRow> dueAll = [.. rows.Where(r => r.Row is { Memory: not null }).Select(r => r.Row!).OrderBy(r => r.Memory!.DueAt)];
        List<QueueRow> due = [.. dueAll.Take(page)];

        // A page with room to spare holds every due card; otherwise the count from the same round trip.
        var dueNow = dueAll.Count < take ? dueAll.Count : first.Due - first.WithdrawnDue;
        var newRoom = Math.Min(Math.Max(0, settings.NewPerDay - first.New), Math.Max(0, room - due.Count));
        List<QueueRow> fresh = [];
        var newAvailable = 0;
        if (due.Count < take)
        {
            // One pass over the unseen cards, with their texts, gives both their number and the first ones to learn.
            var unseen = await (from c in Unseen(me)
                                join l in db.Set<Lesson>() on c.LessonId equals l.Id
                                join co in db.Set<Course>() on l.CourseId equals co.Id
                                where co.Published
                                orderby c.OwnerUserId == null, c.Key
                                select new QueueRow { Card = c, LessonUk = l.TitleUk, LessonEn = l.TitleEn, CourseUk = co.TitleUk, CourseEn = co.TitleEn })
                .AsNoTracking().ToListAsync(ct);
            newAvailable = unseen.Count;
            fresh = [.. unseen.Take(Math.Min(take - due.Count, newRoom))];
        }

        var scheduler = Scheduler(settings);
        var list = new List<DueCardDto>(due.Count + fresh.Count);
        foreach (var x in due)
        {
            list.Add(Card(x, ToMemory(x.Memory!), x.Memory!.Version, scheduler, now));
        }

        foreach (var x in fresh)
        {
            list.Add(Card(x, FsrsScheduler.NewCard(now), 0, scheduler, now));
        }

        return new QueueDto(list, dueNow, newAvailable, reviewedToday, settings.DailyLimit, settings.NewPerDay);
    }

    /// <summary>A card of the queue with its lesson's and course's titles, and the learner's memory of it when studied.</summary>
    private sealed class QueueRow
    {
        public CardMemoryRow? Memory { get; init; }

        public required Flashcard Card { get; init; }

        public required string LessonUk { get; init; }

        public required string LessonEn { get; init; }

        public required string CourseUk { get; init; }

        public required string CourseEn { get; init; }
    }

    /// <summary>
    /// The cards taken out of study that the caller could hold: the cards of unpublished courses (course, then its lessons,
    /// then their cards by LessonId), and the retired cards among the shared and the caller's own (the OwnerUserId index,
    /// without a join per card).
    /// </summary>
    private IQueryable<Guid> WithdrawnCards(Guid me)
    {
        var ofUnpublished = from co in db.Set<Course>()
                            where !co.Published
                            join l in db.Set<Lesson>() on co.Id equals l.CourseId
                            join c in db.Set<Flashcard>() on l.Id equals c.LessonId
                            where c.OwnerUserId == null || c.OwnerUserId == me
                            select c.Id;
        var retired = from c in db.Set<Flashcard>()
                      where (c.OwnerUserId == null || c.OwnerUserId == me) && c.Retired
                      select c.Id;
        return ofUnpublished.Concat(retired);
    }

    /// <summary>
    /// The cards taken out of study that the caller could hold (retired, or of a lesson whose course is no longer published),
    /// and the caller's memory of them.
    /// The cards are found first — from the few unpublished courses, and the retired ones among the shared and the caller's
    /// own — and then the caller's memory of them by the (UserId, CardId) key: checking each due row instead would read
    /// every due row from the table rather than the index, and the due count stays an index-only read.
    /// </summary>
    private async Task<(List<Guid> Cards, List<(Guid CardId, DateTime DueAt)> Memory)> WithdrawnAsync(Guid me, CancellationToken ct)
    {
        var cards = await WithdrawnCards(me).ToListAsync(ct);
        if (cards.Count == 0)
        {
            return ([], []);
        }

        // No condition on DueAt here: with one, SQLite walks the (UserId, DueAt) index and reads each due row for its CardId.
        var memory = await db.Set<CardMemoryRow>().AsNoTracking().Where(m => m.UserId == me && cards.Contains(m.CardId))
            .Select(m => new { m.CardId, m.DueAt }).ToListAsync(ct);
        return (cards, [.. memory.Select(m => (m.CardId, m.DueAt))]);
    }

    /// <summary>
    /// The caller's cards never reviewed: the deck's cards without a memory row, not retired (the caller orders them and
    /// takes out their own cards of an unpublished course by joining the course). The lessons read in published courses
    /// are listed once for the whole query. Not written as a union driven from the lesson reads: IX_training_cards_LessonId
    /// also holds every learner's mistake cards of a lesson (about 490 a lesson in the benchmark), each read from the table
    /// to see it is not shared, which measured slower.
    /// </summary>
    private IQueryable<Flashcard> Unseen(Guid me)
    {
        var lessonsRead = from r in db.Set<LessonRead>()
                          where r.UserId == me
                          join l in db.Set<Lesson>() on r.LessonId equals l.Id
                          join co in db.Set<Course>() on l.CourseId equals co.Id
                          where co.Published
                          select l.Id;
        return from c in db.Set<Flashcard>()
               where !c.Retired && (c.OwnerUserId == me || (c.OwnerUserId == null && lessonsRead.Contains(c.LessonId)))
                   && !db.Set<CardMemoryRow>().Any(m => m.UserId == me && m.CardId == c.Id)
               select c;
    }

    private DueCardDto Card(QueueRow x, CardMemory memory, int version, FsrsScheduler scheduler, DateTimeOffset now) =>
        new(x.Card.Id, Loc.IsEnglish ? x.Card.FrontEn : x.Card.FrontUk, Loc.IsEnglish ? x.Card.BackEn : x.Card.BackUk, Loc.IsEnglish ? x.CourseEn : x.CourseUk,
            Loc.IsEnglish ? x.LessonEn : x.LessonUk, x.Card.OwnerUserId is not null, PhaseName(memory.Phase), version,
            [.. Enum.GetValues<Rating>().Select(r => { var next = scheduler.Review(memory, r, now); return new IntervalDto((int)r, next.Due, Words(next.Due - now)); })]);

    /// <summary>"10 min", "5 h", "3 d", "2 mo", "1.5 y" in the caller's language.</summary>
    public string Words(TimeSpan span)
    {
        if (span.TotalMinutes < 60)
        {
            return string.Format(CultureInfo.CurrentCulture, loc["training.interval.minutes"], Math.Max(1, (int)Math.Round(span.TotalMinutes)));
        }

        if (span.TotalHours < 24)
        {
            return string.Format(CultureInfo.CurrentCulture, loc["training.interval.hours"], (int)Math.Round(span.TotalHours));
        }

        if (span.TotalDays < 31)
        {
            return string.Format(CultureInfo.CurrentCulture, loc["training.interval.days"], (int)Math.Round(span.TotalDays));
        }

        return span.TotalDays < 365
            ? string.Format(CultureInfo.CurrentCulture, loc["training.interval.months"], Math.Round(span.TotalDays / 30.4, 1))
            : string.Format(CultureInfo.CurrentCulture, loc["training.interval.years"], Math.Round(span.TotalDays / 365.25, 1));
    }

    public static string PhaseName(CardPhase p) => p switch
    {
        CardPhase.New => "new",
        CardPhase.Learning => "learning",
        CardPhase.Review => "review",
        _ => "relearning",
    };

    /// <summary>
    /// Grades a review: 400 for a rating outside 1–4, 404 for a card not in the caller's deck, 409 when the card
    /// changed since the caller saw it (a second press of the same key, another tab) — nothing is graded twice.
    /// </summary>
    public async Task<Outcome<ReviewResultDto>> ReviewAsync(ClaimsPrincipal user, Guid cardId, ReviewRequest request, CancellationToken ct)
    {
        var v = new Validator(loc);
        if (request.Rating is not (>= 1 and <= 4))
        {
            v.Fail("rating", "training.rating");
        }

        if (request.Version is < 0)
        {
            v.Fail("version", "training.version");
        }

        if (!v.IsValid)
        {
            return Outcome<ReviewResultDto>.Invalid(v);
        }

        var me = user.UserId();
        var now = clock.GetUtcNow();
        var dayStart = KyivTime.StartOf(KyivTime.DayOf(now)).UtcDateTime;

        // One round trip reads what grading needs: is the card in the caller's deck (their own card, or of a lesson they
        // have read; not retired; of a published course), its course, the caller's memory of it (tracked: the update
        // checks its version), their settings and their reviews today.
        var found = await (from c in db.Set<Flashcard>()
                           where c.Id == cardId
                           join l in db.Set<Lesson>() on c.LessonId equals l.Id
                           join co in db.Set<Course>() on l.CourseId equals co.Id
                           from m in db.Set<CardMemoryRow>().Where(m => m.UserId == me && m.CardId == c.Id).DefaultIfEmpty()
                           from s in db.Set<LearnerSettings>().Where(s => s.UserId == me).DefaultIfEmpty()
                           select new
                           {
                               InDeck = !c.Retired && co.Published
                                   && (c.OwnerUserId == me || (c.OwnerUserId == null && db.Set<LessonRead>().Any(r => r.UserId == me && r.LessonId == c.LessonId))),
                               l.CourseId,
                               Memory = m,
                               Settings = s,
                               ReviewedToday = db.Set<ReviewLogRow>().Count(r => r.UserId == me && r.ReviewedAt >= dayStart),
                           }).FirstOrDefaultAsync(ct);
        if (found is not { InDeck: true })
        {
            return Outcome<ReviewResultDto>.NotFound();
        }

        var settings = found.Settings ?? new LearnerSettings { UserId = me };
        var row = found.Memory;
        if (request.Version is { } expected && expected != (row?.Version ?? 0))
        {
            return Outcome<ReviewResultDto>.Conflict("training.card-changed");
        }

        var before = row is null ? FsrsScheduler.NewCard(now) : ToMemory(row);
        var scheduler = Scheduler(settings);
        var after = scheduler.Review(before, (Rating)request.Rating!.Value, now);
        if (after.Phase == CardPhase.Review && after.ScheduledDays >= 2)
        {
            after = await PlaceAsync(me, row?.DueAt, before, after, settings, scheduler, now, ct);
        }

        if (row is null)
        {
            row = new CardMemoryRow { Id = Guid.CreateVersion7(now), UserId = me, CardId = cardId, CourseId = found.CourseId };
            db.Add(row);
        }

        Store(row, after);
        row.Version++;
        db.Add(new ReviewLogRow
        {
            UserId = me, CardId = cardId, Rating = request.Rating.Value, PhaseBefore = (int)before.Phase, ReviewedAt = now.UtcDateTime,
            Stability = after.Stability, Difficulty = after.Difficulty, ScheduledDays = after.ScheduledDays,
            ElapsedDays = before.LastReview is { } last ? (int)Math.Max(0, (now - last).TotalDays) : 0,
        });
        // On PostgreSQL the grade is committed without waiting for the WAL flush, in this transaction only (see
        // TrainingOptions.AsyncReviewCommit): a crash can lose the last grades, never corrupt. BEGIN and SET LOCAL travel
        // together (Npgsql sends BEGIN with the next command), and the COMMIT then returns without an fsync.
        await using var transaction = options.Value.AsyncReviewCommit && db.Database.CurrentTransaction is null && db.Database.IsNpgsql()
            ? await db.Database.BeginTransactionAsync(ct)
            : null;
        try
        {
            if (transaction is not null)
            {
                await db.Database.ExecuteSqlAsync($"SET LOCAL synchronous_commit = off", ct);
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Another tab graded the same card first (the version or the unique key stopped this one); the transaction, if
            // any, is rolled back when disposed.
            db.ChangeTracker.Clear();
            return Outcome<ReviewResultDto>.Conflict("training.card-changed");
        }

        // Today's reviews as read before this one, plus this one: no round trip after the commit.
        return Outcome<ReviewResultDto>.Ok(new ReviewResultDto(cardId, PhaseName(after.Phase), after.Due, after.Stability, after.Difficulty, after.ScheduledDays, row.Version,
            found.ReviewedToday + 1));
    }

    /// <summary>Moves a review's due day within its fuzz range onto a working day with room under the learner's limit.</summary>
    /// <param name="currentDue">The graded card's due time before this review (null for a new card): it does not count against its own day.</param>
    private async Task<CardMemory> PlaceAsync(Guid me, DateTime? currentDue, CardMemory before, CardMemory after, LearnerSettings settings, FsrsScheduler scheduler, DateTimeOffset now, CancellationToken ct)
    {
        var from = now.UtcDateTime;
        var to = now.UtcDateTime.AddDays(after.ScheduledDays * 1.2 + 4);

        // Read from the (UserId, DueAt) index alone; leaving the graded card out in the query (CardId <> …) would make
        // the database fetch every row of the window, up to the learner's whole deck for a long interval.
        var dues = await db.Set<CardMemoryRow>().AsNoTracking().Where(m => m.UserId == me && m.DueAt >= from && m.DueAt < to).Select(m => m.DueAt).ToListAsync(ct);
        if (currentDue is { } own)
        {
            dues.Remove(own);
        }

        var load = dues.GroupBy(d => KyivTime.DayOf(Utc(d))).ToDictionary(g => g.Key, g => g.Count());
        return ReviewLoad.Place(scheduler, before, after, Pattern(settings), KyivTime.Zone, day => load.GetValueOrDefault(day));
    }

    public static WorkPattern Pattern(LearnerSettings s) =>
        new(Enum.GetValues<DayOfWeek>().Where(d => (s.WorkDays & (1 << (int)d)) != 0), s.DailyLimit);

    public static FsrsScheduler Scheduler(LearnerSettings s) => new(new FsrsParameters { DesiredRetention = s.DesiredRetention });

    public static CardMemory ToMemory(CardMemoryRow m) =>
        new((CardPhase)m.Phase, m.Stability, m.Difficulty, Utc(m.DueAt), Utc(m.LastReviewAt), m.Step, m.Reps, m.Lapses, m.ScheduledDays);

    public static void Store(CardMemoryRow row, CardMemory c)
    {
        row.Phase = (int)c.Phase;
        row.Stability = c.Stability;
        row.Difficulty = c.Difficulty;
        row.DueAt = c.Due.UtcDateTime;
        row.LastReviewAt = c.LastReview?.UtcDateTime;
        row.Step = c.Step;
        row.Reps = c.Reps;
        row.Lapses = c.Lapses;
        row.ScheduledDays = c.ScheduledDays;
    }

    public async Task<LearnerSettings> SettingsOfAsync(Guid me, CancellationToken ct) =>
        await db.Set<LearnerSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct) ?? new LearnerSettings { UserId = me };

    public async Task<SettingsDto> SettingsAsync(ClaimsPrincipal user, CancellationToken ct) => ToDto(await SettingsOfAsync(user.UserId(), ct));

    private static SettingsDto ToDto(LearnerSettings s) =>
        new(s.DesiredRetention, s.DailyLimit, s.NewPerDay, [.. Enum.GetValues<DayOfWeek>().Where(d => (s.WorkDays & (1 << (int)d)) != 0).Select(d => (int)d)], s.Version);

    /// <summary>Saves the learner's settings: retention 0.70–0.99, limits 1–1000 and 0–100, at least one working day (0 = Sunday … 6 = Saturday).</summary>
    public async Task<Outcome<SettingsDto>> SaveSettingsAsync(ClaimsPrincipal user, SettingsRequest request, CancellationToken ct)
    {
        var v = new Validator(loc);
        if (request.DesiredRetention is not (>= 0.70 and <= 0.99))
        {
            v.Fail("desiredRetention", "training.retention");
        }

        if (request.DailyLimit is not (>= 1 and <= 1000))
        {
            v.Fail("dailyLimit", "training.daily-limit");
        }

        if (request.NewPerDay is not (>= 0 and <= 100))
        {
            v.Fail("newPerDay", "training.new-per-day");
        }

        if (request.WorkDays is null || request.WorkDays.Count == 0 || request.WorkDays.Any(d => d is < 0 or > 6))
        {
            v.Fail("workDays", "training.work-days");
        }

        if (!v.IsValid)
        {
            return Outcome<SettingsDto>.Invalid(v);
        }

        var me = user.UserId();
        var row = await db.Set<LearnerSettings>().FirstOrDefaultAsync(s => s.UserId == me, ct);
        if (request.Version is { } expected && expected != (row?.Version ?? 0))
        {
            return Outcome<SettingsDto>.Conflict("training.settings-changed");
        }

        if (row is null)
        {
            row = new LearnerSettings { UserId = me };
            db.Add(row);
        }

        row.DesiredRetention = request.DesiredRetention!.Value;
        row.DailyLimit = request.DailyLimit!.Value;
        row.NewPerDay = request.NewPerDay!.Value;
        row.WorkDays = request.WorkDays!.Distinct().Aggregate(0, (bits, d) => bits | (1 << d));
        row.Version++;
        await db.SaveChangesAsync(ct);
        return Outcome<SettingsDto>.Ok(ToDto(row));
    }

    /// <summary>The next 30 days: cards due each day and what the learner will review on each working day under their limit.</summary>
    public async Task<ForecastDto> ForecastAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow();
        var settings = await SettingsOfAsync(me, ct);
        var dues = await db.Set<CardMemoryRow>().AsNoTracking().Where(m => m.UserId == me).Select(m => m.DueAt).ToListAsync(ct);
        foreach (var (_, withdrawn) in (await WithdrawnAsync(me, ct)).Memory)
        {
            dues.Remove(withdrawn); // cards taken out of study are not forecast
        }

        var today = KyivTime.DayOf(now);
        var days = ReviewLoad.Forecast(dues.Select(d => KyivTime.DayOf(Utc(d))), today, Pattern(settings));
        return new ForecastDto([.. days.Select(d => new ForecastDayDto(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.IsWorkingDay, d.Due, d.ToReview))],
            settings.DailyLimit, dues.Count);
    }
}
