namespace Varta.Community.Statistics;

/// <summary>
/// Kish's design effect due to unequal weighting: deff = n Σw² / (Σw)², and the effective sample size
/// n_eff = n / deff = (Σw)² / Σw². Only respondents with a positive weight count in n: a zero weight
/// carries no information. It measures the weighting alone, not clustering or stratification, and is
/// never below 1 (Cauchy–Schwarz). With no positive weight, deff is 1 and n_eff is 0.
/// </summary>
internal readonly record struct KishDesignEffect(int Respondents, double SumOfWeights, double DesignEffect, double EffectiveSampleSize)
{
    public static KishDesignEffect FromWeights(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var n = 0;
        var sum = 0.0;
        var sumOfSquares = 0.0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"Weights must be finite and non-negative, got {w}.", nameof(weights));
            }

            if (w > 0)
            {
                n++;
                sum += w;
                sumOfSquares += w * w;
            }
        }

        if (n == 0)
        {
            return new KishDesignEffect(0, 0, 1, 0);
        }

        var deff = n * sumOfSquares / (sum * sum);
        return new KishDesignEffect(n, sum, deff, n / deff);
    }
}
