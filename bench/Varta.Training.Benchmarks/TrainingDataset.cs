using System.Diagnostics;
using System.Globalization;
using Varta.Platform.Demo;
using Varta.Platform.Localization;

namespace Varta.Training.Benchmarks;

/// <summary>What generation produced and how long each part took.</summary>
internal sealed record TrainingGeneration(DateTime Now, int Learners, int Courses, int Lessons, int SharedCards, int MistakeCards, long Reads, long Memory, long Log,
    int Settings, string Shape, IReadOnlyList<(string Phase, TimeSpan Took)> Phases)
{
    public TimeSpan Total => Phases.Aggregate(TimeSpan.Zero, (a, p) => a + p.Took);
}

/// <summary>
/// The training dataset of issue 15, written straight into the tables the migrations create: published courses of
/// lessons and shared flashcards, one unpublished course, learners who have read lessons (their decks), their mistake
/// cards, a card-memory row for every card they have studied (due dates from a generated year of reviews), a sample of
/// those reviews as the review log (every review of today kept), and settings for some learners. No platform users:
/// the study service reads only the training tables, keyed by the caller's id.
/// </summary>
internal sealed class TrainingDataset(TrainingBenchOptions options, Action<string> log)
{
    public const string CourseKeyPrefix = "bench-c";
    public const string DraftCourseKey = "bench-draft";
    public const string Generator = "bench.generator";

    public static readonly string[] Tables =
        ["training_courses", "training_lessons", "training_cards", "training_learner_settings", "training_lesson_reads", "training_card_memory", "training_review_log"];

    private readonly List<Guid> _cardId = [];
    private readonly List<int> _cardLesson = [];
    private readonly List<int> _cardOwner = [];
    private Guid[] _courseId = [];
    private Guid[] _lessonId = [];
    private int[] _lessonCourse = [];

    private int C => options.Courses;

    private int L => options.LessonsPerCourse;

    private int K => options.CardsPerLesson;

    public TrainingGeneration Generate(ILoadTarget target)
    {
        var phases = new List<(string, TimeSpan)>();
        var sw = Stopwatch.StartNew();
        // The dataset's "now" is 15:00 in Kyiv (today's, or yesterday's before that hour): some learners have studied
        // today and some not yet, whatever the hour the benchmark runs at. The host's clock is set to it for the measurement.
        var real = TimeProvider.System.GetUtcNow();
        var afternoon = KyivTime.StartOf(KyivTime.DayOf(real)).AddHours(15);
        var now = (afternoon <= real ? afternoon : KyivTime.StartOf(KyivTime.DayOf(real).AddDays(-1)).AddHours(15)).UtcDateTime;
        var model = new LearnerModel(now, options.Seed);
        MakeCatalogue();
        var sharedCards = _cardId.Count;
        var plans = new LearnerPlan[options.Learners];
        for (var k = 0; k < plans.Length; k++)
        {
            plans[k] = Plan(model, k);
        }

        // Pass 1: every card's history; the review log is sampled from it, and the cards are ordered by when they were first seen.
        var studied = plans.Sum(p => (long)p.Studied);
        var introKeys = new long[studied];
        var introItems = new long[studied];
        var logs = new List<LogEvent>((int)Math.Min(int.MaxValue / 64, (long)plans.Length * options.ReviewsPerLearner * 11 / 10));
        var buffer = new List<LogEvent>(options.CardsPerLearner * 12);
        var dueNow = new int[plans.Length];
        var today = new int[plans.Length];
        long at = 0;
        var todayStart = model.DayStart(LearnerModel.Today).Ticks;
        foreach (var p in plans)
        {
            buffer.Clear();
            for (var j = 0; j < p.Studied; j++)
            {
                var state = model.Simulate(p, j, buffer);
                dueNow[p.Index] += state.Due <= now ? 1 : 0;
                introKeys[at] = model.Intro(p, j).Ticks;
                introItems[at++] = ((long)p.Index << 20) | (uint)j;
            }

            var todays = buffer.Count(e => e.Ticks >= todayStart);
            today[p.Index] = todays;
            var keep = Math.Clamp((options.ReviewsPerLearner - todays) / (double)Math.Max(1, buffer.Count - todays), 0, 1);
            var r = new SplitMix(p.Seed ^ 0x5EED);
            foreach (var e in buffer)
            {
                if (e.Ticks >= todayStart || r.NextDouble() < keep)
                {
                    logs.Add(e);
                }
            }
        }

        var sortedDue = dueNow.Order().ToArray();
        var shape = string.Create(CultureInfo.InvariantCulture,
            $"cards due at generation per learner: median {sortedDue[sortedDue.Length / 2]}, p10 {sortedDue[sortedDue.Length / 10]}, p90 {sortedDue[sortedDue.Length * 9 / 10]}, " +
            $"max {sortedDue[^1]}; {dueNow.Count(d => d >= 20) * 100.0 / plans.Length:F0} % of learners have 20 or more due; " +
            $"{plans.Count(p => p.Kind == LearnerKind.Diligent) * 100.0 / plans.Length:F0} % study daily, {plans.Count(p => p.Kind == LearnerKind.Behind) * 100.0 / plans.Length:F0} % stopped 2–30 days ago, " +
            $"{plans.Count(p => p.Kind == LearnerKind.Lapsed) * 100.0 / plans.Length:F0} % 31–150 days ago; new (unseen) cards per learner {plans.Average(p => p.Deck.Length - p.Studied):F0} on average; " +
            $"reviews today per learner {today.Average():F1} on average ({today.Count(t => t > 0) * 100.0 / plans.Length:F0} % have reviewed today)");
        phases.Add(("plan and history (in memory)", sw.Elapsed));
        log($"plan: {plans.Length:N0} learners, {sharedCards:N0} shared cards, {_cardId.Count - sharedCards:N0} mistake cards, {studied:N0} studied cards, {logs.Count:N0} review-log rows ({sw.Elapsed.TotalSeconds:F1}s)");
        log(shape);

        sw.Restart();
        WriteCatalogue(target, now, plans);
        var settings = WriteSettings(target, plans);
        var reads = WriteReads(target, model, plans);
        phases.Add(("courses, lessons, cards, settings, lesson reads", sw.Elapsed));
        log($"catalogue, {settings:N0} settings, {reads:N0} lesson reads: {sw.Elapsed.TotalSeconds:F1}s");

        sw.Restart();
        var indexes = target.DropSecondaryIndexes("training_card_memory", "training_review_log");
        Array.Sort(introKeys, introItems);
        using (var w = target.Open("training_card_memory", "Id", "UserId", "CardId", "CourseId", "Phase", "Stability", "Difficulty", "DueAt", "LastReviewAt",
                   "Step", "Reps", "Lapses", "ScheduledDays", "Version"))
        {
            for (var i = 0; i < introItems.Length; i++)
            {
                var p = plans[(int)(introItems[i] >> 20)];
                var j = (int)(introItems[i] & 0xFFFFF);
                var s = model.Simulate(p, j, null);
                var card = p.Deck[j];
                w.Uuid(Guid.CreateVersion7(new DateTimeOffset(introKeys[i], TimeSpan.Zero)));
                w.Uuid(p.Id);
                w.Uuid(_cardId[card]);
                w.Uuid(_courseId[_lessonCourse[_cardLesson[card]]]);
                w.Int(s.Phase);
                w.Real(s.Stability);
                w.Real(s.Difficulty);
                w.Time(s.Due);
                w.TimeOrNull(s.LastReview);
                w.Int(s.Phase == 1 ? 1 : 0);
                w.Int(s.Reps);
                w.Int(s.Lapses);
                w.Int(s.ScheduledDays);
                w.Int(s.Reps);
                w.EndRow();
            }

            w.Complete();
        }

        phases.Add(("card memory", sw.Elapsed));
        log($"card memory: {introItems.Length:N0} rows in {sw.Elapsed.TotalSeconds:F1}s ({introItems.Length / sw.Elapsed.TotalSeconds:N0} rows/s)");
        introKeys = [];
        introItems = [];

        sw.Restart();
        var events = logs.ToArray();
        logs = [];
        var times = events.Select(e => e.Ticks).ToArray();
        Array.Sort(times, events);
        using (var w = target.Open("training_review_log", "UserId", "CardId", "Rating", "PhaseBefore", "ReviewedAt", "Stability", "Difficulty", "ScheduledDays", "ElapsedDays"))
        {
            foreach (ref readonly var e in events.AsSpan())
            {
                w.Uuid(plans[e.Learner].Id);
                w.Uuid(_cardId[e.Card]);
                w.Int(e.Rating);
                w.Int(e.PhaseBefore);
                w.Time(new DateTime(e.Ticks, DateTimeKind.Utc));
                w.Real(e.Stability);
                w.Real(e.Difficulty);
                w.Int(e.Scheduled);
                w.Int(e.Elapsed);
                w.EndRow();
            }

            w.Complete();
        }

        phases.Add(("review log", sw.Elapsed));
        log($"review log: {events.Length:N0} rows in {sw.Elapsed.TotalSeconds:F1}s ({events.Length / sw.Elapsed.TotalSeconds:N0} rows/s)");

        sw.Restart();
        foreach (var (name, create) in indexes)
        {
            var one = Stopwatch.StartNew();
            target.Execute(create);
            log($"index {name}: {one.Elapsed.TotalSeconds:F1}s");
        }

        phases.Add(($"secondary indexes of the two large tables ({string.Join(", ", indexes.Select(i => i.Name))}), built after the load", sw.Elapsed));

        sw.Restart();
        target.Finish(Tables, log);
        phases.Add(("after load (journal / statistics, checkpoint)", sw.Elapsed));

        return new TrainingGeneration(now, plans.Length, C, C * L, sharedCards, _cardId.Count - sharedCards, reads, studied, events.Length, settings, shape, phases);
    }

    // ------------------------------------------------------------------------------------------------
    // The plan
    // ------------------------------------------------------------------------------------------------

    private void MakeCatalogue()
    {
        var r = new SplitMix((ulong)options.Seed ^ 0xC0FFEE);
        _courseId = Enumerable.Range(0, C + 1).Select(_ => r.NextGuid()).ToArray();
        var lessons = C * L + 2;
        _lessonId = Enumerable.Range(0, lessons).Select(_ => r.NextGuid()).ToArray();
        _lessonCourse = Enumerable.Range(0, lessons).Select(l => l < C * L ? l / L : C).ToArray();
        for (var l = 0; l < lessons; l++)
        {
            for (var i = 0; i < K; i++)
            {
                _cardId.Add(r.NextGuid());
                _cardLesson.Add(l);
                _cardOwner.Add(-1);
            }
        }
    }

    private LearnerPlan Plan(LearnerModel model, int k)
    {
        var r = new SplitMix(SplitMix.Mix((ulong)options.Seed, (ulong)k + 1_000_003));
        var id = r.NextGuid();
        var u = r.NextDouble();
        var kind = u < 0.70 ? LearnerKind.Diligent : u < 0.90 ? LearnerKind.Behind : LearnerKind.Lapsed;
        (double, int, int, int, int)? settings = r.NextDouble() < 0.30
            ? (new[] { 0.85, 0.90, 0.90, 0.95 }[r.Next(0, 4)], new[] { 30, 50, 80, 100, 200 }[r.Next(0, 5)], new[] { 5, 10, 15, 20 }[r.Next(0, 4)],
                r.NextDouble() < 0.4 ? 62 : 127, r.Next(1, 4))
            : null;
        var p = new LearnerPlan
        {
            Index = k, Id = id, Seed = r.Next(), Kind = kind, StartDay = 0, LastDay = LearnerModel.Today, Minute = r.Next(7 * 60, 21 * 60),
            WeekdaysOnly = settings?.Item4 == 62, Settings = settings, Deck = [], Studied = 0, Lessons = [], Mistakes = 0, ReadDraft = r.NextDouble() < 0.2,
        };
        var last = kind switch
        {
            LearnerKind.Diligent => model.Session(p, LearnerModel.Today) <= model.Now ? LearnerModel.Today : LearnerModel.Today - 1,
            LearnerKind.Behind => LearnerModel.Today - r.Next(2, 31),
            _ => LearnerModel.Today - r.Next(31, 151),
        };
        p.LastDay = model.SnapBack(p, last);
        p.StartDay = Math.Max(LearnerModel.Today - 364, p.LastDay - r.Next(150, 331));

        var mistakes = r.NextDouble() < 0.4 ? 0 : r.Next(1, 13);
        var extra = r.NextDouble() < 0.5 ? 0 : r.Next(1, 4);
        var read = Math.Min(C * L, (options.CardsPerLearner - mistakes + K - 1) / K + extra);
        var courses = Enumerable.Range(0, C).ToArray();
        for (var i = courses.Length - 1; i > 0; i--)
        {
            var swap = r.Next(0, i + 1);
            (courses[i], courses[swap]) = (courses[swap], courses[i]);
        }

        p.Lessons = courses.SelectMany(c => Enumerable.Range(c * L, L)).Take(read).ToArray();
        var deck = p.Lessons.SelectMany(l => Enumerable.Range(l * K, K)).ToList();
        for (var i = 0; i < mistakes; i++)
        {
            var at = r.Next(K, deck.Count + 1);
            var lesson = _cardLesson[deck[at - 1]];
            _cardId.Add(r.NextGuid());
            _cardLesson.Add(lesson);
            _cardOwner.Add(k);
            deck.Insert(at, _cardId.Count - 1);
        }

        p.Deck = [.. deck];
        p.Mistakes = mistakes;
        p.Studied = Math.Min(options.CardsPerLearner, deck.Count);
        return p;
    }

    // ------------------------------------------------------------------------------------------------
    // Writing
    // ------------------------------------------------------------------------------------------------

    private static readonly string[] Topics =
    [
        "Оцінка загроз", "Охорона судових засідань", "Реагування на інциденти", "Евакуація", "Перша допомога", "Контроль доступу",
        "Поведінкові ознаки", "Комунікація з відвідувачами", "Робота з конфліктом", "Захист суддів",
    ];

    private void WriteCatalogue(ILoadTarget target, DateTime now, LearnerPlan[] plans)
    {
        var created = now.AddDays(-LearnerModel.DaysBack);
        using (var w = target.Open("training_courses", "Id", "Key", "UnitId", "Order", "TitleUk", "TitleEn", "SummaryUk", "SummaryEn", "AudienceUk", "AudienceEn",
                   "PassPercent", "AttemptsAllowed", "QuestionsPerTest", "Behaviour", "Penalty", "MandatoryRoles", "DueDays", "Published", "Origin",
                   "RecordedAt", "RecordedBy", "UpdatedAt", "Version"))
        {
            for (var c = 0; c <= C; c++)
            {
                var draft = c == C;
                var topic = Topics[c % Topics.Length];
                w.Uuid(_courseId[c]);
                w.Text(draft ? DraftCourseKey : $"{CourseKeyPrefix}{c + 1:D2}");
                w.Uuid(DemoData.Country);
                w.Int(100 + c);
                w.Text(draft ? "Чернетка курсу (знято з публікації)" : $"{topic}: курс {c + 1}");
                w.Text(draft ? "Draft course (unpublished)" : $"Benchmark course {c + 1}");
                w.Text($"Згенерований курс для вимірювання навчального модуля. {topic}.");
                w.Text("A generated course for measuring the training module.");
                w.Text("Працівники служби судової охорони");
                w.Text("Court security officers");
                w.Int(70);
                w.Int(3);
                w.Int(5);
                w.Text("deferred");
                w.Real(0);
                w.Text("");
                w.Int(90);
                w.Bool(!draft);
                w.Text("trainer");
                w.Time(created);
                w.Text(Generator);
                w.Time(created);
                w.Int(1);
                w.EndRow();
            }

            w.Complete();
        }

        using (var w = target.Open("training_lessons", "Id", "CourseId", "Key", "Order", "TitleUk", "TitleEn", "BodyUk", "BodyEn", "RecordedAt", "RecordedBy", "UpdatedAt", "Version"))
        {
            for (var l = 0; l < _lessonId.Length; l++)
            {
                var number = l < C * L ? l % L + 1 : l - C * L + 1;
                w.Uuid(_lessonId[l]);
                w.Uuid(_courseId[_lessonCourse[l]]);
                w.Text($"l{number:D2}");
                w.Int(number);
                w.Text($"Урок {number}. {Topics[l % Topics.Length]}");
                w.Text($"Lesson {number}");
                w.Text(string.Concat(Enumerable.Repeat($"Текст уроку {number} про {Topics[l % Topics.Length].ToLowerInvariant()}. ", 12)));
                w.Text(string.Concat(Enumerable.Repeat($"The text of lesson {number}. ", 12)));
                w.Time(created);
                w.Text(Generator);
                w.Time(created);
                w.Int(1);
                w.EndRow();
            }

            w.Complete();
        }

        using (var w = target.Open("training_cards", "Id", "LessonId", "Key", "OwnerUserId", "QuestionId", "FrontUk", "BackUk", "FrontEn", "BackEn", "Retired",
                   "RecordedAt", "RecordedBy"))
        {
            var perOwner = new Dictionary<int, int>();
            var qr = new SplitMix((ulong)options.Seed ^ 0xABCDEF);
            for (var i = 0; i < _cardId.Count; i++)
            {
                var lesson = _cardLesson[i];
                var owner = _cardOwner[i];
                var course = _lessonCourse[lesson];
                var lessonKey = lesson < C * L ? $"l{lesson % L + 1:D2}" : $"l{lesson - C * L + 1:D2}";
                var courseKey = course == C ? DraftCourseKey : $"{CourseKeyPrefix}{course + 1:D2}";
                string key;
                if (owner < 0)
                {
                    key = $"{courseKey}-{lessonKey}-k{i % K + 1:D3}";
                }
                else
                {
                    var n = perOwner[owner] = perOwner.GetValueOrDefault(owner) + 1;
                    key = $"bench-m-{owner:D6}-{n:D2}";
                }

                w.Uuid(_cardId[i]);
                w.Uuid(_lessonId[lesson]);
                w.Text(key);
                w.UuidOrNull(owner < 0 ? null : plans[owner].Id);
                w.UuidOrNull(owner < 0 ? null : qr.NextGuid());
                w.Text(owner < 0 ? $"Що вимагає правило {i % K + 1} уроку «{Topics[lesson % Topics.Length]}»?" : $"Помилка в тесті: питання {i % 97 + 1}");
                w.Text($"Відповідь на картку {key}: дії працівника охорони, послідовність, кому доповісти і що записати в журнал.");
                w.Text(owner < 0 ? $"What does rule {i % K + 1} of the lesson require?" : $"Test mistake: question {i % 97 + 1}");
                w.Text($"The answer of card {key}: what the officer does, in which order, whom to report to and what to log.");
                w.Bool(false);
                w.Time(created);
                w.Text(owner < 0 ? Generator : "bench.learner");
                w.EndRow();
            }

            w.Complete();
        }
    }

    private static int WriteSettings(ILoadTarget target, LearnerPlan[] plans)
    {
        var n = 0;
        using var w = target.Open("training_learner_settings", "UserId", "DesiredRetention", "DailyLimit", "NewPerDay", "WorkDays", "Version");
        foreach (var p in plans)
        {
            if (p.Settings is { } s)
            {
                w.Uuid(p.Id);
                w.Real(s.Retention);
                w.Int(s.DailyLimit);
                w.Int(s.NewPerDay);
                w.Int(s.WorkDays);
                w.Int(s.Version);
                w.EndRow();
                n++;
            }
        }

        w.Complete();
        return n;
    }

    private long WriteReads(ILoadTarget target, LearnerModel model, LearnerPlan[] plans)
    {
        long n = 0;
        using var w = target.Open("training_lesson_reads", "UserId", "LessonId", "ReadAt");
        foreach (var p in plans)
        {
            var first = new Dictionary<int, int>();
            for (var j = 0; j < p.Deck.Length; j++)
            {
                first.TryAdd(_cardLesson[p.Deck[j]], j);
            }

            for (var i = 0; i < p.Lessons.Length; i++)
            {
                var j = first[p.Lessons[i]];
                var at = j < p.Studied ? model.Intro(p, j).AddMinutes(-5) : model.Session(p, p.LastDay).AddMinutes(-(p.Lessons.Length - i));
                w.Uuid(p.Id);
                w.Uuid(_lessonId[p.Lessons[i]]);
                w.Time(at);
                w.EndRow();
                n++;
            }

            if (p.ReadDraft)
            {
                w.Uuid(p.Id);
                w.Uuid(_lessonId[C * L]);
                w.Time(model.Session(p, p.StartDay).AddMinutes(-30));
                w.EndRow();
                n++;
            }
        }

        w.Complete();
        return n;
    }
}
