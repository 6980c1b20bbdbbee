using System.Globalization;
using System.Text.Json.Serialization;
using Varta.Training.Scheduling;

namespace Varta.Training.Tests.Scheduling;

/// <summary>One random review history with its settings; null settings mean "the defaults" on both sides.</summary>
internal sealed record OracleHistory(
    [property: JsonPropertyName("w")] double[]? Weights,
    [property: JsonPropertyName("retention")] double? Retention,
    [property: JsonPropertyName("maxInterval")] int? MaxInterval,
    [property: JsonPropertyName("fuzz")] bool Fuzz,
    [property: JsonPropertyName("shortTerm")] bool ShortTerm,
    [property: JsonPropertyName("learningSteps")] string[]? LearningSteps,
    [property: JsonPropertyName("relearningSteps")] string[]? RelearningSteps,
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("reviews")] long[][] Reviews)
{
    public FsrsParameters Parameters()
    {
        var defaults = new FsrsParameters();
        return new FsrsParameters
        {
            Weights = Weights ?? defaults.Weights,
            DesiredRetention = Retention ?? defaults.DesiredRetention,
            MaximumInterval = MaxInterval ?? defaults.MaximumInterval,
            EnableFuzz = Fuzz,
            EnableShortTerm = ShortTerm,
            LearningSteps = LearningSteps is null ? defaults.LearningSteps : [.. LearningSteps.Select(ParseStep)],
            RelearningSteps = RelearningSteps is null ? defaults.RelearningSteps : [.. RelearningSteps.Select(ParseStep)],
        };
    }

    private static TimeSpan ParseStep(string step)
    {
        var value = int.Parse(step[..^1], CultureInfo.InvariantCulture);
        return step[^1] switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => throw new FormatException(step),
        };
    }
}

/// <summary>
/// Makes review histories that visit every corner of the scheduler: odd settings, reviews minutes to years
/// apart, early and late, in every phase. Review times are chosen from the C# card's own due date as the
/// history goes, but once chosen they are plain input, replayed identically by both implementations.
/// </summary>
internal static class OracleHistories
{
    private static readonly string[] StepChoices =
        ["1m", "2m", "5m", "10m", "15m", "30m", "45m", "1h", "2h", "6h", "12h", "23h", "1439m", "1440m", "1d", "1500m", "2d", "3d"];

    private static readonly int[] MaxIntervalChoices = [30, 30, 60, 100, 365, 36500, 36500, 36500];

    public static List<OracleHistory> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var histories = new List<OracleHistory>(count);
        for (var i = 0; i < count; i++)
        {
            histories.Add(One(random));
        }
        return histories;
    }

    private static OracleHistory One(Random random)
    {
        var allDefaults = random.NextDouble() < 0.05;
        var history = new OracleHistory(
            allDefaults ? null : Weights(random),
            allDefaults ? null : Math.Round(0.75 + (0.22 * random.NextDouble()), 4),
            allDefaults ? null : MaxInterval(random),
            random.NextDouble() < 0.6,
            random.NextDouble() < 0.7,
            allDefaults || random.NextDouble() < 0.5 ? null : Steps(random, 4),
            allDefaults || random.NextDouble() < 0.5 ? null : Steps(random, 3),
            DateTimeOffset.Parse("2015-01-01T00:00:00Z", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()
                + random.NextInt64(20L * 365 * 86_400_000),
            []);

        var scheduler = new FsrsScheduler(history.Parameters());
        var card = FsrsScheduler.NewCard(DateTimeOffset.FromUnixTimeMilliseconds(history.Start));
        var reviews = new long[random.Next(1, 16)][];
        for (var r = 0; r < reviews.Length; r++)
        {
            var at = NextReviewTime(random, card, history.Start);
            var rating = Rating(random);
            reviews[r] = [at, (long)rating];
            card = scheduler.Review(card, rating, DateTimeOffset.FromUnixTimeMilliseconds(at));
        }
        return history with { Reviews = reviews };
    }

    private static double[]? Weights(Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            return null;
        }
        var weights = FsrsParameters.DefaultWeights;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = roll switch
            {
                // Nudged defaults, a typical optimised set.
                < 0.80 => weights[i] * (0.6 + (0.8 * random.NextDouble())),
                // Anywhere, often outside the allowed ranges, so clipping is compared too.
                < 0.90 => (weights[i] * 3 * random.NextDouble()) - (0.2 * random.NextDouble()),
                // Short-term weights pushed up, to reach the w17/w18 ceiling of several relearning steps.
                _ => i is 17 or 18 ? 2.5 * random.NextDouble() : weights[i] * (0.8 + (0.4 * random.NextDouble())),
            };
        }
        weights[20] = Math.Clamp(weights[20], 0.05, 0.9);
        return weights;
    }

    private static int MaxInterval(Random random) => random.NextDouble() switch
    {
        < 0.10 => random.Next(1, 15),
        < 0.20 => random.Next(15, 5000),
        _ => MaxIntervalChoices[random.Next(MaxIntervalChoices.Length)],
    };

    private static string[] Steps(Random random, int most) =>
        [.. Enumerable.Range(0, random.Next(0, most + 1)).Select(_ => StepChoices[random.Next(StepChoices.Length)])];

    private static Rating Rating(Random random) => random.NextDouble() switch
    {
        < 0.20 => Training.Scheduling.Rating.Again,
        < 0.35 => Training.Scheduling.Rating.Hard,
        < 0.85 => Training.Scheduling.Rating.Good,
        _ => Training.Scheduling.Rating.Easy,
    };

    private static long NextReviewTime(Random random, CardMemory card, long start)
    {
        const long Minute = 60_000;
        const long Day = 86_400_000;
        if (card.LastReview is not { } lastReview)
        {
            return start + random.NextInt64(3 * Day);
        }
        var last = lastReview.ToUnixTimeMilliseconds();
        var due = card.Due.ToUnixTimeMilliseconds();
        var scheduled = Math.Max(due - last, Day);
        var jitter = random.NextInt64(1000);
        return random.NextDouble() switch
        {
            < 0.10 => due,
            < 0.35 => due + random.NextInt64(30 * Minute) + jitter,
            < 0.47 => last + (long)((due - last) * random.NextDouble()),
            < 0.59 => due + (long)(scheduled * 3 * random.NextDouble()),
            < 0.71 => last + random.NextInt64(180 * Minute) + jitter,
            < 0.81 => last + random.NextInt64(Minute * 60, Day * 2),
            < 0.93 => last + random.NextInt64(Day, 90 * Day) + jitter,
            _ => last + random.NextInt64(90 * Day, 1500 * Day),
        };
    }
}
