namespace Varta.Community.Statistics;

/// <summary>What the post-stratification weights add up to.</summary>
internal enum WeightScale
{
    /// <summary>Weights sum to the population of the strata that have respondents (w = N_h / n_h).</summary>
    Population,

    /// <summary>Weights sum to the number of weighted respondents (mean weight 1).</summary>
    SampleSize,
}

/// <summary>
/// Post-stratification weights and the strata that could not be matched. Respondents in a stratum
/// without population get weight 0 (they are outside the frame); population strata without respondents
/// are not represented, so <see cref="WeightTotal"/> falls short of the whole population by
/// <see cref="UncoveredPopulation"/>. Collapsing such strata into neighbours is not done here.
/// </summary>
internal sealed record PostStratificationResult<TStratum>(
    IReadOnlyList<double> Weights,
    IReadOnlyList<TStratum> SampleStrataWithoutPopulation,
    IReadOnlyList<TStratum> PopulationStrataWithoutRespondents,
    int WeightedRespondents,
    int UnweightedRespondents,
    double CoveredPopulation,
    double UncoveredPopulation,
    double WeightTotal)
    where TStratum : notnull
{
    /// <summary>True when every respondent got a weight and every populated stratum has respondents.</summary>
    public bool IsComplete => SampleStrataWithoutPopulation.Count == 0 && PopulationStrataWithoutRespondents.Count == 0;
}

internal static class PostStratification
{
    /// <summary>
    /// Weight of a respondent in stratum h: N_h / n_h, where N_h is the population of the stratum and
    /// n_h the number of respondents in it; with <see cref="WeightScale.SampleSize"/> every weight is then
    /// multiplied by n_weighted / N_covered.
    /// </summary>
    /// <param name="respondentStrata">The stratum of each respondent, in respondent order.</param>
    /// <param name="populationByStratum">Population count per stratum (non-negative, finite).</param>
    public static PostStratificationResult<TStratum> Weigh<TStratum>(
        IReadOnlyList<TStratum> respondentStrata,
        IReadOnlyDictionary<TStratum, double> populationByStratum,
        WeightScale scale = WeightScale.Population)
        where TStratum : notnull
    {
        ArgumentNullException.ThrowIfNull(respondentStrata);
        ArgumentNullException.ThrowIfNull(populationByStratum);
        foreach (var (stratum, count) in populationByStratum)
        {
            if (!double.IsFinite(count) || count < 0)
            {
                throw new ArgumentException($"Population of stratum {stratum} must be a finite non-negative number, got {count}.", nameof(populationByStratum));
            }
        }

        // Stratum order of first appearance keeps the report deterministic.
        var sampleCounts = new Dictionary<TStratum, int>();
        var sampleOrder = new List<TStratum>();
        foreach (var stratum in respondentStrata)
        {
            if (sampleCounts.TryGetValue(stratum, out var seen))
            {
                sampleCounts[stratum] = seen + 1;
            }
            else
            {
                sampleCounts[stratum] = 1;
                sampleOrder.Add(stratum);
            }
        }

        var withoutPopulation = sampleOrder
            .Where(s => !populationByStratum.TryGetValue(s, out var n) || n == 0)
            .ToList();
        var withoutRespondents = populationByStratum
            .Where(p => p.Value > 0 && !sampleCounts.ContainsKey(p.Key))
            .Select(p => p.Key)
            .ToList();
        var covered = sampleOrder.Sum(s => populationByStratum.TryGetValue(s, out var n) ? n : 0);
        var uncovered = withoutRespondents.Sum(s => populationByStratum[s]);

        var weights = new double[respondentStrata.Count];
        var weighted = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var stratum = respondentStrata[i];
            if (populationByStratum.TryGetValue(stratum, out var population) && population > 0)
            {
                weights[i] = population / sampleCounts[stratum];
                weighted++;
            }
        }

        if (scale == WeightScale.SampleSize && covered > 0)
        {
            var factor = weighted / covered;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] *= factor;
            }
        }

        return new PostStratificationResult<TStratum>(
            weights,
            withoutPopulation,
            withoutRespondents,
            weighted,
            respondentStrata.Count - weighted,
            covered,
            uncovered,
            weights.Sum());
    }
}
