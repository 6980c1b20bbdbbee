namespace Varta.Training.Questions;

/// <summary>One question's score in one attempt: a fraction of its mark, from finished first attempts only.</summary>
internal sealed record ItemScore(Guid AttemptId, string QuestionKey, double Fraction);

/// <summary>
/// Moodle's quiz statistics for one question, in percent. <see cref="FacilityIndex"/>: mean score × 100.
/// <see cref="StandardDeviation"/>: sample standard deviation (n − 1) of the score × 100, null under 2 attempts.
/// <see cref="DiscriminationIndex"/>: Pearson correlation × 100 between this question's score and the rest of the
/// attempt (the attempt's total minus this question), null under 2 attempts or when either side never varies.
/// </summary>
internal sealed record ItemStatistics(string QuestionKey, int Attempts, double FacilityIndex, double? StandardDeviation, double? DiscriminationIndex);

internal static class ItemAnalysis
{
    private const double Flat = 1e-12;

    /// <summary>
    /// Statistics per question, in the order questions first appear. An attempt's total is the sum of its
    /// questions' fractions (unweighted); attempts drew different questions, so each question counts only the attempts
    /// that had it. A question listed twice in one attempt counts once (the first).
    /// </summary>
    public static IReadOnlyList<ItemStatistics> Compute(IEnumerable<ItemScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var distinct = scores.DistinctBy(s => (s.AttemptId, s.QuestionKey)).ToList();
        var totals = distinct.GroupBy(s => s.AttemptId).ToDictionary(g => g.Key, g => g.Sum(s => s.Fraction));
        return [.. distinct.GroupBy(s => s.QuestionKey).Select(g => Item(g.Key, [.. g], totals))];
    }

    private static ItemStatistics Item(string key, List<ItemScore> scores, Dictionary<Guid, double> totals)
    {
        var n = scores.Count;
        var x = scores.Select(s => s.Fraction).ToArray();
        var mean = x.Average();
        if (n < 2)
        {
            return new ItemStatistics(key, n, mean * 100, null, null);
        }
        var rest = scores.Select(s => totals[s.AttemptId] - s.Fraction).ToArray();
        var restMean = rest.Average();
        double varX = 0, varRest = 0, cov = 0;
        for (var i = 0; i < n; i++)
        {
            varX += (x[i] - mean) * (x[i] - mean);
            varRest += (rest[i] - restMean) * (rest[i] - restMean);
            cov += (x[i] - mean) * (rest[i] - restMean);
        }
        varX /= n - 1;
        varRest /= n - 1;
        cov /= n - 1;
        double? discrimination = varX > Flat && varRest > Flat ? 100 * cov / Math.Sqrt(varX * varRest) : null;
        return new ItemStatistics(key, n, mean * 100, 100 * Math.Sqrt(varX), discrimination);
    }
}
