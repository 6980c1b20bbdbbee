namespace Varta.Community.Statistics;

/// <summary>
/// A weighted proportion p̂ = Σ w·y / Σ w with three intervals:
/// <list type="bullet">
/// <item><see cref="Wilson"/>: Wilson with n replaced by the effective sample size n_eff = n / deff (Kish's
/// weighting design effect), the same substitution Korn and Graubard make for Clopper–Pearson; since
/// deff ≥ 1, weighting can only widen the interval.</item>
/// <item><see cref="Logit"/>: expit(logit p̂ ± z / √(n_eff p̂(1−p̂))); at p̂ = 0 or 1 the logit is infinite,
/// so this is the effective-n Wilson interval and <see cref="LogitFellBackToWilson"/> is set.</item>
/// <item><see cref="UnweightedWilson"/>: Wilson on the raw count among the same respondents, ignoring
/// weights, for comparison.</item>
/// </list>
/// Respondents with weight 0 take no part. With none left, the proportion and intervals are null.
/// </summary>
internal sealed record WeightedProportion(
    int Respondents,
    int Successes,
    double? Proportion,
    KishDesignEffect DesignEffect,
    ProportionInterval? Wilson,
    ProportionInterval? Logit,
    bool LogitFellBackToWilson,
    double? UnweightedProportion,
    ProportionInterval? UnweightedWilson)
{
    public static WeightedProportion Estimate(IReadOnlyList<double> weights, IReadOnlyList<bool> outcomes, double z = ProportionInterval.Z95)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (weights.Count != outcomes.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {outcomes.Count} outcomes.", nameof(outcomes));
        }

        var deff = KishDesignEffect.FromWeights(weights);
        if (deff.Respondents == 0)
        {
            return new WeightedProportion(0, 0, null, deff, null, null, false, null, null);
        }

        var weightedSuccesses = 0.0;
        var successes = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] > 0 && outcomes[i])
            {
                weightedSuccesses += weights[i];
                successes++;
            }
        }

        // Clamped because rounding in the sums can put p̂ a hair outside [0, 1].
        var p = Math.Clamp(weightedSuccesses / deff.SumOfWeights, 0, 1);
        var wilson = ProportionInterval.Wilson(p, deff.EffectiveSampleSize, z);
        var logit = ProportionInterval.Logit(p, deff.EffectiveSampleSize, z);
        var raw = (double)successes / deff.Respondents;
        return new WeightedProportion(
            deff.Respondents,
            successes,
            p,
            deff,
            wilson,
            logit ?? wilson,
            logit is null,
            raw,
            ProportionInterval.Wilson(raw, deff.Respondents, z));
    }
}
