using Varta.Platform.Localization;

namespace Varta.Training.Benchmarks;

/// <summary>A small, fast, reproducible random source (SplitMix64): the same seed gives the same card history in both passes.</summary>
internal struct SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>lo inclusive, hi exclusive.</summary>
    public int Next(int lo, int hi) => lo + (int)(NextDouble() * (hi - lo));

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Next());
        BitConverter.TryWriteBytes(bytes[8..], Next());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes);
    }

    public static ulong Mix(ulong a, ulong b) => new SplitMix(a * 0xD6E8FEB86659FD93UL ^ b).Next();
}

internal enum LearnerKind : byte
{
    /// <summary>Studies (nearly) every day, the last time today or yesterday.</summary>
    Diligent,

    /// <summary>Stopped 2–30 days ago: a backlog of due cards.</summary>
    Behind,

    /// <summary>Stopped 31–150 days ago: a large backlog.</summary>
    Lapsed,
}

/// <summary>One review in the generated history (the review log's row, before sampling).</summary>
internal struct LogEvent
{
    public long Ticks;
    public int Learner;
    public int Card;
    public byte Rating;
    public byte PhaseBefore;
    public float Stability;
    public float Difficulty;
    public short Scheduled;
    public short Elapsed;
}

/// <summary>A card's scheduler state after its generated history: what its card-memory row holds.</summary>
internal readonly record struct CardState(int Phase, double Stability, double Difficulty, DateTime Due, DateTime? LastReview, int Reps, int Lapses, int ScheduledDays);

/// <summary>Everything about one learner that the rows are derived from.</summary>
internal sealed class LearnerPlan
{
    public required int Index;
    public required Guid Id;
    public required ulong Seed;
    public required LearnerKind Kind;
    public required int StartDay;
    public required int LastDay;

    /// <summary>Usual minute of the Kyiv day the learner studies at (each day moves it by up to ±3 hours).</summary>
    public required int Minute;

    public required bool WeekdaysOnly;
    public (double Retention, int DailyLimit, int NewPerDay, int WorkDays, int Version)? Settings;

    /// <summary>Global card indexes in the order the learner meets them: the first <see cref="Studied"/> have memory rows.</summary>
    public required int[] Deck;

    public required int Studied;

    /// <summary>Global lesson indexes in reading order.</summary>
    public required int[] Lessons;

    public required int Mistakes;
    public required bool ReadDraft;
}

/// <summary>
/// The calendar and the review model: Kyiv days as UTC instants, the learner's sessions, and each card's history —
/// introduced on a session, two learning steps ten minutes apart, then reviewed at the first session after it falls
/// due with Again 9 %, Hard 11 %, Good 70 %, Easy 10 %; intervals grow 1.2× (Hard), 1.9–2.8× (Good), 3.2× (Easy) and
/// shrink to 30 % after a lapse (with a relearning step). Not FSRS itself, but the same shape of intervals, so that
/// due dates spread from today to months ahead and the daily load is what a real deck of this age gives.
/// </summary>
internal sealed class LearnerModel
{
    public const int DaysBack = 400;
    public const int Today = DaysBack;
    private readonly DateTime[] _dayStart;
    private readonly bool[] _weekend;
    private readonly ulong _seed;

    public LearnerModel(DateTime nowUtc, int seed)
    {
        Now = nowUtc;
        _seed = (ulong)seed;
        var today = KyivTime.DayOf(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        _dayStart = new DateTime[DaysBack + 3];
        _weekend = new bool[DaysBack + 3];
        for (var i = 0; i < _dayStart.Length; i++)
        {
            var day = today.AddDays(i - DaysBack);
            _dayStart[i] = KyivTime.StartOf(day).UtcDateTime;
            _weekend[i] = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        }
    }

    public DateTime Now { get; }

    public DateTime DayStart(int day) => _dayStart[day];

    public int DayIndex(DateTime t)
    {
        var i = Math.Clamp((int)((t - _dayStart[0]).TotalDays), 0, _dayStart.Length - 2);
        while (i + 1 < _dayStart.Length && _dayStart[i + 1] <= t)
        {
            i++;
        }

        while (i > 0 && _dayStart[i] > t)
        {
            i--;
        }

        return i;
    }

    public bool Works(LearnerPlan p, int day) => !p.WeekdaysOnly || !_weekend[day];

    /// <summary>When the learner sits down to study on a day: the usual minute moved by up to ±3 hours, within 06:00–23:00.</summary>
    public DateTime Session(LearnerPlan p, int day)
    {
        var jitter = (int)(SplitMix.Mix(p.Seed, (ulong)day) % 361) - 180;
        return _dayStart[day].AddMinutes(Math.Clamp(p.Minute + jitter, 360, 1380));
    }

    public int SnapBack(LearnerPlan p, int day)
    {
        while (day > 0 && !Works(p, day))
        {
            day--;
        }

        return day;
    }

    public int IntroDay(LearnerPlan p, int j)
    {
        var day = p.StartDay + (int)((long)j * (p.LastDay - p.StartDay + 1) / p.Studied);
        while (day < p.LastDay && !Works(p, day))
        {
            day++;
        }

        return SnapBack(p, day);
    }

    public DateTime Intro(LearnerPlan p, int j) => Session(p, IntroDay(p, j)).AddSeconds(j % 40 * 20);

    /// <summary>The history of card <paramref name="j"/> of the learner; each review is added to <paramref name="events"/> when given.</summary>
    public CardState Simulate(LearnerPlan p, int j, List<LogEvent>? events)
    {
        var r = new SplitMix(SplitMix.Mix(p.Seed ^ _seed, (ulong)j + 1));
        var card = p.Deck[j];
        var offset = TimeSpan.FromSeconds(j % 40 * 20);
        var t = Intro(p, j);
        if (t > Now)
        {
            t = Now.AddMinutes(-1);
        }

        var difficulty = 4 + r.NextDouble() * 3;
        var reps = 0;
        var lapses = 0;
        DateTime? previous = null;

        void Event(DateTime at, int rating, int phaseBefore, double interval)
        {
            reps++;
            events?.Add(new LogEvent
            {
                Ticks = at.Ticks, Learner = p.Index, Card = card, Rating = (byte)rating, PhaseBefore = (byte)phaseBefore,
                Stability = (float)Math.Max(0.1, interval), Difficulty = (float)difficulty, Scheduled = (short)Math.Round(interval),
                Elapsed = (short)(previous is { } before ? Math.Max(0, (at - before).TotalDays) : 0),
            });
            previous = at;
        }

        // First sight: New → Learning (Again 12 %, Hard 8 %, Good 75 %, Easy 5 %), the next step ten minutes later.
        var first = r.NextDouble();
        Event(t, first < 0.12 ? 1 : first < 0.20 ? 2 : first < 0.95 ? 3 : 4, 0, 0);
        var step = t.AddMinutes(10);
        if (step > Now || (IntroDay(p, j) == p.LastDay && r.NextDouble() < 0.3))
        {
            return new CardState(1, 2.3, difficulty, step, t, reps, lapses, 0);
        }

        Event(step, 3, 1, 1);
        var last = step;
        double interval = r.Next(1, 4);
        while (true)
        {
            var due = last.AddDays(Math.Max(1, Math.Round(interval)));
            var day = DayIndex(due);
            if (day <= p.LastDay && Session(p, day) < due)
            {
                day++;
            }

            while (day <= p.LastDay && !Works(p, day))
            {
                day++;
            }

            if (day > p.LastDay)
            {
                break;
            }

            t = Session(p, day) + offset;
            if (t > Now)
            {
                break;
            }

            var u = r.NextDouble();
            if (u < 0.09)
            {
                lapses++;
                difficulty = Math.Min(10, difficulty + 1.2);
                Event(t, 1, 2, interval);
                var relearn = t.AddMinutes(10);
                if (relearn > Now || (day == p.LastDay && r.NextDouble() < 0.3))
                {
                    return new CardState(3, Math.Max(0.5, interval * 0.3), difficulty, relearn, t, reps, lapses, 0);
                }

                interval = Math.Max(1, interval * 0.3);
                Event(relearn, 3, 3, interval);
                last = relearn;
            }
            else
            {
                int rating;
                if (u < 0.20)
                {
                    rating = 2;
                    interval *= 1.2;
                    difficulty = Math.Min(10, difficulty + 0.4);
                }
                else if (u < 0.90)
                {
                    rating = 3;
                    interval *= 1.9 + 0.9 * r.NextDouble();
                    difficulty = Math.Max(1, difficulty - 0.1);
                }
                else
                {
                    rating = 4;
                    interval *= 3.2;
                    difficulty = Math.Max(1, difficulty - 0.6);
                }

                interval = Math.Min(interval, 3650);
                Event(t, rating, 2, interval);
                last = t;
            }
        }

        var days = (int)Math.Max(1, Math.Round(interval));
        return new CardState(2, interval * (0.9 + 0.2 * r.NextDouble()), difficulty, last.AddDays(days), last, reps, lapses, days);
    }
}
