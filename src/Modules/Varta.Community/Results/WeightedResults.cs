using Varta.Community.Statistics;

namespace Varta.Community.Results;

/// <summary>A weighting cell: respondents of one sex and age group living in one hromada.</summary>
internal readonly record struct Stratum(string Hromada, string Sex, string AgeGroup);

/// <summary>The share of respondents giving one answer, unweighted and weighted, with 95 % intervals; null figures are suppressed.</summary>
internal sealed record AnswerShare(string Value, int? Count, double? Share, double? WeightedShare, double? Lower, double? Upper, bool Suppressed);

/// <summary>
/// What a result is made from, over the strata of an area: those answering (all; and n, Σw, Σw² over those with a
/// positive weight), and per answer value (in the order of the values asked for) its count and Σ count·w.
/// </summary>
internal sealed record WeightedSums(bool Weighted, int Total, double N, double SumW, double SumW2, IReadOnlyList<int> Counts, IReadOnlyList<double> WeightedCounts);

internal sealed record QuestionResult(int Respondents, double DesignEffect, double EffectiveRespondents, IReadOnlyList<AnswerShare> Answers, bool Weighted,
    IReadOnlyList<Stratum> StrataWithoutPopulation, int Threshold);

/// <summary>
/// Results of one question from counts (no respondent-level data leaves the database): each respondent of a stratum
/// weighs N_h / n_h (post-stratification to the population by sex and age group of their hromada); respondents of a
/// stratum the population does not cover weigh 0 and are reported. The design effect is Kish's over those weights,
/// computed from the cells (the same as over the expanded weights); intervals are Wilson's with the effective number of
/// respondents. A cell resting on fewer than the threshold, and any cell that would reveal one by subtraction, is
/// suppressed (count, shares and interval).
/// </summary>
internal static class WeightedResults
{
    /// <param name="respondents">Every respondent of the area per stratum: what the weights are made from.</param>
    /// <param name="answering">Those who answered this question per stratum: the denominator of its shares.</param>
    public static QuestionResult Compute(
        IReadOnlyDictionary<Stratum, int> respondents,
        IReadOnlyDictionary<Stratum, int> answering,
        IReadOnlyList<(Stratum Stratum, string Value, int Count)> answers,
        IReadOnlyDictionary<Stratum, int> population,
        IReadOnlyList<string> values,
        int threshold)
    {
        var weighted = population.Count > 0 && respondents.Keys.Any(population.ContainsKey);
        var weights = respondents.ToDictionary(r => r.Key, r => !weighted ? 1.0 : population.TryGetValue(r.Key, out var n) && r.Value > 0 ? (double)n / r.Value : 0.0);
        var without = weighted ? respondents.Keys.Where(s => !population.ContainsKey(s)).ToList() : [];

        // Kish: deff = n Σ w² / (Σ w)², over those answering with a positive weight.
        double n = 0, sumW = 0, sumW2 = 0;
        foreach (var (stratum, count) in answering)
        {
            var w = weights.GetValueOrDefault(stratum);
            if (w <= 0)
            {
                continue;
            }

            n += count;
            sumW += count * w;
            sumW2 += count * w * w;
        }

        // Suppression on the unweighted counts: one column (this area), one row per answer value, with the total.
        var counts = new int[values.Count];
        var weightedCounts = new double[values.Count];
        foreach (var (stratum, value, count) in answers)
        {
            var row = IndexOf(values, value);
            if (row < 0)
            {
                continue;
            }

            counts[row] += count;
            weightedCounts[row] += count * (weights.TryGetValue(stratum, out var w) ? w : 0);
        }

        return Finish(new WeightedSums(weighted, answering.Values.Sum(), n, sumW, sumW2, counts, weightedCounts), values, without, threshold);
    }

    /// <summary>
    /// The result from the sums over the strata (however they were summed: here from per-stratum counts, or by the
    /// database from the count tables): Kish's deff = n Σw² / (Σw)², Wilson intervals with n / deff, suppression.
    /// </summary>
    public static QuestionResult Finish(WeightedSums sums, IReadOnlyList<string> values, IReadOnlyList<Stratum> without, int threshold)
    {
        var (weighted, total, n, sumW, sumW2) = (sums.Weighted, sums.Total, sums.N, sums.SumW, sums.SumW2);
        var deff = sumW > 0 ? n * sumW2 / (sumW * sumW) : 1;
        var effective = deff > 0 ? n / deff : 0;
        var counts = new int[values.Count, 1];
        for (var i = 0; i < values.Count; i++)
        {
            counts[i, 0] = sums.Counts[i];
        }

        var table = SmallCountSuppression.Apply(counts, new SuppressionOptions { Threshold = threshold });
        var hiddenTotal = total > 0 && total < threshold;
        var shares = new List<AnswerShare>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (table.IsSuppressed(i, 0) || hiddenTotal || total == 0)
            {
                shares.Add(new AnswerShare(values[i], null, null, null, null, null, true));
                continue;
            }

            var share = (double)counts[i, 0] / total;
            var weightedShare = sumW > 0 ? sums.WeightedCounts[i] / sumW : share;
            var interval = ProportionInterval.Wilson(weightedShare, weighted ? effective : total);
            shares.Add(new AnswerShare(values[i], counts[i, 0], share, weightedShare, interval.Lower, interval.Upper, false));
        }

        return new QuestionResult(total, deff, effective, shares, weighted, without, threshold);
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
