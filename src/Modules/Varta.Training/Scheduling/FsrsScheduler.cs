using System.Globalization;

namespace Varta.Training.Scheduling;

/// <summary>
/// FSRS-6 spaced-repetition scheduling, behaving as ts-fsrs 5 does (checked against it by an oracle test):
/// same stability, difficulty, phase, step and due instant for the same history and settings, fuzz included.
/// Elapsed days between reviews are counted in UTC calendar days, as the reference counts them.
/// </summary>
internal sealed class FsrsScheduler
{
    private const int MinutesPerDay = 1440;

    private readonly FsrsModel _model;
    private readonly int[] _learningMinutes;
    private readonly int[] _relearningMinutes;

    /// <exception cref="ArgumentException">Weights not 21 finite numbers, retention outside (0, 1), maximum
    /// interval under 1, or a step that is not a positive whole number of minutes.</exception>
    public FsrsScheduler(FsrsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Weights is not { Length: 21 } weights)
        {
            throw new ArgumentException("FSRS-6 takes exactly 21 weights (w0..w20).", nameof(parameters));
        }
        if (!weights.All(double.IsFinite))
        {
            throw new ArgumentException("Every weight must be a finite number.", nameof(parameters));
        }
        if (!(parameters.DesiredRetention > 0 && parameters.DesiredRetention < 1))
        {
            throw new ArgumentException("Desired retention must lie strictly between 0 and 1.", nameof(parameters));
        }
        if (parameters.MaximumInterval < 1)
        {
            throw new ArgumentException("The maximum interval must be at least 1 day.", nameof(parameters));
        }
        _learningMinutes = ToMinutes(parameters.LearningSteps, "Learning steps", nameof(parameters));
        _relearningMinutes = ToMinutes(parameters.RelearningSteps, "Relearning steps", nameof(parameters));
        Parameters = parameters;
        _model = new FsrsModel(weights, parameters.DesiredRetention, _relearningMinutes.Length, parameters.EnableShortTerm);
    }

    public FsrsParameters Parameters { get; }

    internal FsrsModel Model => _model;

    /// <summary>A card never reviewed, due at <paramref name="now"/>.</summary>
    public static CardMemory NewCard(DateTimeOffset now) => new(CardPhase.New, 0, 0, now, null, 0, 0, 0, 0);

    /// <summary>The card's state after the learner rated it <paramref name="rating"/> at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">An unknown rating, a review before the card's last one, or a corrupt state.</exception>
    public CardMemory Review(CardMemory card, Rating rating, DateTimeOffset now)
    {
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Rate a card Again, Hard, Good or Easy.");
        }
        if (card.Step < 0 || card.Reps < 0 || card.Lapses < 0 || !Enum.IsDefined(card.Phase))
        {
            throw new ArgumentException("The card's phase, step or counters are not valid.", nameof(card));
        }
        if (card.LastReview is { } last && now < last)
        {
            throw new ArgumentException("A card cannot be reviewed before its last review.", nameof(now));
        }

        var review = new ReviewContext(now, ElapsedDays(card, now), Seed(card, now));
        var reviewed = card with { LastReview = now, Reps = card.Reps + 1 };
        return Parameters.EnableShortTerm
            ? ReviewWithSteps(reviewed, rating, review)
            : ReviewInDays(reviewed, rating, review);
    }

    /// <summary>
    /// Probability that the learner recalls the card at <paramref name="now"/> (0 for a new card). As in the
    /// reference, elapsed time here is whole 24-hour periods since the last review.
    /// </summary>
    public double Retrievability(CardMemory card, DateTimeOffset now)
    {
        if (card.Phase == CardPhase.New)
        {
            return 0;
        }
        if (card.LastReview is not { } last)
        {
            throw new ArgumentException("A card that is not new must have a last review.", nameof(card));
        }
        var milliseconds = now.ToUnixTimeMilliseconds() - last.ToUnixTimeMilliseconds();
        var days = Math.Max(Math.Floor(milliseconds / 86_400_000.0), 0);
        // The reference reads stability back through an 8-decimal text form first.
        var stability = double.Parse(card.Stability.ToString("F8", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return _model.ForgettingCurve(days, stability);
    }

    /// <summary>
    /// The days a fuzzed interval may take around <paramref name="interval"/> (±15 % below a week, ±10 % up to
    /// 20 days, ±5 % beyond, plus a day; at least 2 days, at most the maximum interval, and longer than the days
    /// already elapsed when the interval itself is).
    /// </summary>
    public (int Min, int Max) FuzzRange(int interval, int elapsedDays)
    {
        var delta = 1.0;
        delta += 0.15 * Math.Max(Math.Min(interval, 7) - 2.5, 0);
        delta += 0.1 * Math.Max(Math.Min(interval, 20) - 7.0, 0);
        delta += 0.05 * Math.Max(interval - 20.0, 0);
        var capped = Math.Min(interval, Parameters.MaximumInterval);
        var min = Math.Max(2, (int)JsNumerics.Round(capped - delta));
        var max = Math.Min((int)JsNumerics.Round(capped + delta), Parameters.MaximumInterval);
        if (capped > elapsedDays)
        {
            min = Math.Max(min, elapsedDays + 1);
        }
        return (Math.Min(min, max), max);
    }

    /// <summary>The interval, before fuzz, that a card of this stability gets: 1 day to the maximum interval.</summary>
    public int IdealInterval(double stability) =>
        (int)Math.Min(Math.Max(1, JsNumerics.Round(stability * _model.IntervalModifier)), Parameters.MaximumInterval);

    /// <summary>UTC calendar days from the card's last review to <paramref name="now"/> (0 for a new card).</summary>
    internal static int ElapsedDays(CardMemory card, DateTimeOffset now) =>
        card.Phase == CardPhase.New || card.LastReview is not { } last
            ? 0
            : DateOnly.FromDateTime(now.UtcDateTime).DayNumber - DateOnly.FromDateTime(last.UtcDateTime).DayNumber;

    // The reference seeds its fuzz with "<review time in ms>_<reps after this review>_<difficulty × stability before it>".
    private static string Seed(CardMemory card, DateTimeOffset now) => string.Create(
        CultureInfo.InvariantCulture,
        $"{now.ToUnixTimeMilliseconds()}_{card.Reps + 1}_{JsNumerics.ToJsString(card.Difficulty * card.Stability)}");

    private CardMemory ReviewWithSteps(CardMemory card, Rating rating, ReviewContext review)
    {
        if (card.Phase != CardPhase.Review)
        {
            var next = WithMemory(card, review.ElapsedDays, rating);
            var stepPhase = card.Phase == CardPhase.New ? CardPhase.Learning : card.Phase;
            return ApplySteps(card, next, rating, stepPhase, review);
        }
        if (rating == Rating.Again)
        {
            var lapsed = ApplySteps(card, WithMemory(card, review.ElapsedDays, Rating.Again), Rating.Again, CardPhase.Relearning, review);
            return lapsed with { Lapses = lapsed.Lapses + 1 };
        }

        var hard = WithMemory(card, review.ElapsedDays, Rating.Hard);
        var good = WithMemory(card, review.ElapsedDays, Rating.Good);
        var easy = WithMemory(card, review.ElapsedDays, Rating.Easy);
        var hardDays = NextInterval(hard.Stability, review);
        var goodDays = NextInterval(good.Stability, review);
        hardDays = Math.Min(hardDays, goodDays);
        goodDays = Math.Max(goodDays, hardDays + 1);
        var easyDays = Math.Max(NextInterval(easy.Stability, review), goodDays + 1);
        return rating switch
        {
            Rating.Hard => InDays(hard, hardDays, review),
            Rating.Good => InDays(good, goodDays, review),
            _ => InDays(easy, easyDays, review),
        };
    }

    // Without short-term memory every review, the first included, schedules whole days (and steps are unused).
    private CardMemory ReviewInDays(CardMemory card, Rating rating, ReviewContext review)
    {
        var again = WithMemory(card, review.ElapsedDays, Rating.Again);
        var hard = WithMemory(card, review.ElapsedDays, Rating.Hard);
        var good = WithMemory(card, review.ElapsedDays, Rating.Good);
        var easy = WithMemory(card, review.ElapsedDays, Rating.Easy);
        var againDays = NextInterval(again.Stability, review);
        var hardDays = NextInterval(hard.Stability, review);
        var goodDays = NextInterval(good.Stability, review);
        var easyDays = NextInterval(easy.Stability, review);
        againDays = Math.Min(againDays, hardDays);
        hardDays = Math.Max(hardDays, againDays + 1);
        goodDays = Math.Max(goodDays, hardDays + 1);
        easyDays = Math.Max(easyDays, goodDays + 1);
        return rating switch
        {
            Rating.Again when card.Phase == CardPhase.New => InDays(again, againDays, review),
            Rating.Again => InDays(again, againDays, review) with { Lapses = card.Lapses + 1 },
            Rating.Hard => InDays(hard, hardDays, review),
            Rating.Good => InDays(good, goodDays, review),
            _ => InDays(easy, easyDays, review),
        };
    }

    private CardMemory WithMemory(CardMemory card, int elapsedDays, Rating rating)
    {
        var (difficulty, stability) = _model.NextMemory(card.Difficulty, card.Stability, elapsedDays, rating);
        return card with { Difficulty = difficulty, Stability = stability };
    }

    private static CardMemory InDays(CardMemory card, int days, ReviewContext review) => card with
    {
        Phase = CardPhase.Review,
        Step = 0,
        ScheduledDays = days,
        Due = review.Now.AddTicks(days * TimeSpan.TicksPerDay),
    };

    /// <summary>
    /// Moves a card through its (re)learning steps: a step under a day keeps it in <paramref name="stepPhase"/>;
    /// a step of a day or more, or none left, puts it on day intervals (the former keeping its step number).
    /// </summary>
    private CardMemory ApplySteps(CardMemory current, CardMemory next, Rating rating, CardPhase stepPhase, ReviewContext review)
    {
        var (minutes, nextStep) = StepFor(current.Phase, current.Step, rating);
        if (minutes is > 0 and < MinutesPerDay)
        {
            return next with { Phase = stepPhase, Step = nextStep, ScheduledDays = 0, Due = review.Now.AddTicks(minutes * TimeSpan.TicksPerMinute) };
        }
        if (minutes >= MinutesPerDay)
        {
            return next with
            {
                Phase = CardPhase.Review,
                Step = nextStep,
                ScheduledDays = minutes / MinutesPerDay,
                Due = review.Now.AddTicks(minutes * TimeSpan.TicksPerMinute),
            };
        }
        return InDays(next, NextInterval(next.Stability, review), review);
    }

    /// <summary>The next step's length in minutes and its index; 0 minutes when the card leaves its steps.</summary>
    private (int Minutes, int NextStep) StepFor(CardPhase phase, int step, Rating rating)
    {
        var steps = phase is CardPhase.Relearning or CardPhase.Review ? _relearningMinutes : _learningMinutes;
        if (steps.Length == 0 || step >= steps.Length)
        {
            return (0, 0);
        }
        if (phase == CardPhase.Review)
        {
            return rating == Rating.Again ? (steps[step], 0) : (0, 0);
        }
        return rating switch
        {
            Rating.Again => (steps[0], 0),
            // Hard repeats the current step, for the mean of the first two steps (or 1.5 × a single one).
            Rating.Hard => ((int)JsNumerics.Round(steps.Length == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2.0), step),
            Rating.Good when step + 1 < steps.Length => (steps[step + 1], step + 1),
            _ => (0, 0),
        };
    }

    private int NextInterval(double stability, ReviewContext review)
    {
        var interval = IdealInterval(stability);
        if (!Parameters.EnableFuzz || interval < 2.5)
        {
            return interval;
        }
        var (min, max) = FuzzRange(interval, review.ElapsedDays);
        var draw = new AleaRandom(review.Seed).Next();
        return (int)Math.Floor((draw * (max - min + 1)) + min);
    }

    private static int[] ToMinutes(TimeSpan[]? steps, string what, string parameterName)
    {
        if (steps is null)
        {
            throw new ArgumentException($"{what} must not be null (use an empty list for none).", parameterName);
        }
        return
        [
            .. steps.Select(step => step.Ticks > 0 && step.Ticks % TimeSpan.TicksPerMinute == 0 && step.TotalMinutes <= int.MaxValue
                ? (int)step.TotalMinutes
                : throw new ArgumentException($"{what} must be positive whole minutes; {step} is not.", parameterName)),
        ];
    }

    private readonly record struct ReviewContext(DateTimeOffset Now, int ElapsedDays, string Seed);
}
