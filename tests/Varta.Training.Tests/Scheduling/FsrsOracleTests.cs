using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Varta.Training.Scheduling;
using Xunit.Abstractions;

namespace Varta.Training.Tests.Scheduling;

/// <summary>
/// The C# scheduler against the reference it follows, ts-fsrs 5 run by node: every state after every review of
/// ten thousand random histories must agree. Stability, difficulty and retrievability may differ by 1e-6,
/// absolute up to 1 and relative above (stabilities reach 36500); everything else, the due instant to the
/// millisecond included, must be equal.
/// </summary>
public sealed class FsrsOracleTests(ITestOutputHelper output)
{
    private const int HistoryCount = 10_000;
    private const int Seed = 20_250_601;
    private const double Tolerance = 1e-6;
    private const int HistoriesShownOnFailure = 4;

    [Fact]
    public async Task Ten_thousand_random_histories_give_the_same_states_as_ts_fsrs_5()
    {
        var clock = Stopwatch.StartNew();
        var histories = OracleHistories.Generate(HistoryCount, Seed);
        var ours = histories.Select(Replay).ToList();

        using var reference = await NodeOracle.RunAsync(new { histories });
        var version = reference.RootElement.GetProperty("version").GetString() ?? "";
        Assert.StartsWith("v5.", version, StringComparison.Ordinal);
        var results = reference.RootElement.GetProperty("results");
        Assert.Equal(histories.Count, results.GetArrayLength());

        var report = new StringBuilder();
        var mismatched = 0;
        var compared = 0;
        double maxStability = 0, maxDifficulty = 0, maxRetrievability = 0;
        for (var h = 0; h < histories.Count; h++)
        {
            var theirs = Parse(results[h]);
            var agree = theirs is not null && theirs.Count == ours[h].Count;
            for (var r = 0; agree && r < theirs!.Count; r++)
            {
                compared++;
                maxStability = Math.Max(maxStability, Math.Abs(ours[h][r].Stability - theirs[r].Stability));
                maxDifficulty = Math.Max(maxDifficulty, Math.Abs(ours[h][r].Difficulty - theirs[r].Difficulty));
                maxRetrievability = Math.Max(maxRetrievability, Math.Abs(ours[h][r].Retrievability - theirs[r].Retrievability));
                agree = Same(ours[h][r], theirs[r]);
            }
            if (!agree && ++mismatched <= HistoriesShownOnFailure)
            {
                Describe(report, h, histories[h], ours[h], theirs, results[h]);
            }
        }

        var phases = ours.SelectMany(states => states).GroupBy(state => (CardPhase)state.Phase)
            .OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}");
        var coverage = Coverage(histories, ours);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ts-fsrs {version}: {histories.Count} histories, {compared} reviews compared, {mismatched} histories differ; "
            + $"max |Δ| stability {maxStability:G3}, difficulty {maxDifficulty:G3}, retrievability {maxRetrievability:G3}; "
            + $"states after review: {string.Join(", ", phases)}; "
            + $"{string.Join(", ", coverage.Select(c => $"{c.Key} {c.Value}"))}; {clock.Elapsed.TotalSeconds:F1} s in all."));
        if (mismatched > 0)
        {
            Assert.Fail($"{mismatched} of {histories.Count} histories differ from ts-fsrs {version}. The first ones:\n{report}");
        }
        Assert.True(compared > 50_000, $"Only {compared} reviews were compared.");
        Assert.All(coverage, c => Assert.True(c.Value >= 500, $"The histories cover too few cases of '{c.Key}': {c.Value}."));
    }

    /// <summary>How often the corners that are easiest to get wrong occur, so a change to the generator cannot thin them out unnoticed.</summary>
    private static Dictionary<string, int> Coverage(List<OracleHistory> histories, List<List<OracleState>> ours)
    {
        var reviews = histories.Zip(ours).SelectMany(pair => pair.First.Reviews.Select((review, i) => (History: pair.First, Review: review, State: pair.Second[i],
            Before: i == 0 ? (OracleState?)null : pair.Second[i - 1]))).ToList();
        return new Dictionary<string, int>
        {
            ["fuzzed intervals"] = reviews.Count(r => r.History.Fuzz && r.State.Phase == (int)CardPhase.Review && r.State.ScheduledDays >= 3),
            ["reviews without short-term"] = reviews.Count(r => !r.History.ShortTerm),
            ["same-day reviews of day-interval cards"] = reviews.Count(r => r.Before is { Phase: (int)CardPhase.Review } before
                && DateTimeOffset.FromUnixTimeMilliseconds(r.Review[0]).UtcDateTime.Date == DateTimeOffset.FromUnixTimeMilliseconds(before.Due - (before.ScheduledDays * 86_400_000L)).UtcDateTime.Date),
            ["early reviews"] = reviews.Count(r => r.Before is { } before && r.Review[0] < before.Due),
            ["late reviews"] = reviews.Count(r => r.Before is { } before && r.Review[0] > before.Due + 86_400_000),
            ["day-interval cards still counting steps"] = reviews.Count(r => r.State.Phase == (int)CardPhase.Review && r.State.Step > 0),
            ["reviews with custom weights"] = reviews.Count(r => r.History.Weights is not null),
            ["reviews with a maximum interval up to 30"] = reviews.Count(r => r.History.MaxInterval <= 30),
            ["reviews with custom steps"] = reviews.Count(r => r.History.LearningSteps is not null || r.History.RelearningSteps is not null),
        };
    }

    private static List<OracleState> Replay(OracleHistory history)
    {
        var scheduler = new FsrsScheduler(history.Parameters());
        var card = FsrsScheduler.NewCard(DateTimeOffset.FromUnixTimeMilliseconds(history.Start));
        var states = new List<OracleState>(history.Reviews.Length);
        foreach (var review in history.Reviews)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(review[0]);
            var retrievability = scheduler.Retrievability(card, at);
            card = scheduler.Review(card, (Rating)review[1], at);
            states.Add(new OracleState((int)card.Phase, card.Stability, card.Difficulty, card.Due.ToUnixTimeMilliseconds(),
                card.Step, card.Reps, card.Lapses, card.ScheduledDays, retrievability));
        }
        return states;
    }

    private static List<OracleState>? Parse(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return [.. result.EnumerateArray().Select(state => new OracleState(
            state[0].GetInt32(), state[1].GetDouble(), state[2].GetDouble(), state[3].GetInt64(),
            state[4].GetInt32(), state[5].GetInt32(), state[6].GetInt32(), state[7].GetInt32(), state[8].GetDouble()))];
    }

    private static bool Same(OracleState ours, OracleState theirs) =>
        ours.Phase == theirs.Phase && ours.Due == theirs.Due && ours.Step == theirs.Step && ours.Reps == theirs.Reps
        && ours.Lapses == theirs.Lapses && ours.ScheduledDays == theirs.ScheduledDays
        && Close(ours.Stability, theirs.Stability) && Close(ours.Difficulty, theirs.Difficulty)
        && Close(ours.Retrievability, theirs.Retrievability);

    private static bool Close(double ours, double theirs) =>
        Math.Abs(ours - theirs) <= Tolerance * Math.Max(1, Math.Abs(theirs));

    private static void Describe(StringBuilder report, int index, OracleHistory history, List<OracleState> ours, List<OracleState>? theirs, JsonElement raw)
    {
        var settings = history with { Reviews = [] };
        report.AppendLine(CultureInfo.InvariantCulture, $"History #{index}: {JsonSerializer.Serialize(settings)}");
        if (theirs is null)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  ts-fsrs: {raw}");
        }
        for (var r = 0; r < history.Reviews.Length; r++)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(history.Reviews[r][0]).ToString("O", CultureInfo.InvariantCulture);
            var mark = theirs is not null && r < theirs.Count && Same(ours[r], theirs[r]) ? " " : "≠";
            report.AppendLine(CultureInfo.InvariantCulture, $"{mark} {r,2}: {(Rating)history.Reviews[r][1]} at {at} ({history.Reviews[r][0]})");
            report.AppendLine(CultureInfo.InvariantCulture, $"      C#:      {ours[r]}");
            if (theirs is not null && r < theirs.Count)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"      ts-fsrs: {theirs[r]}");
            }
        }
    }

    private readonly record struct OracleState(
        int Phase, double Stability, double Difficulty, long Due, int Step, int Reps, int Lapses, int ScheduledDays, double Retrievability);
}
