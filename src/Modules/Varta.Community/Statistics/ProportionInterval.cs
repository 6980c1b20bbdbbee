namespace Varta.Community.Statistics;

/// <summary>A confidence interval for a proportion, within [0, 1].</summary>
internal readonly record struct ProportionInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95 % interval: the 0.975 quantile of the standard normal.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson score interval: (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n). The sample size may be
    /// fractional (an effective sample size). Defined at p = 0 and p = 1: the interval then touches 0 or 1
    /// and has width z²/(n + z²).
    /// </summary>
    public static ProportionInterval Wilson(double p, double n, double z = Z95)
    {
        CheckArguments(p, n, z);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // At p = 0 (or 1) the bound is exactly 0 (or 1) in theory; rounding must not leave it a hair off.
        var lower = p == 0 ? 0 : Math.Max(0, centre - half);
        var upper = p == 1 ? 1 : Math.Min(1, centre + half);
        return new ProportionInterval(lower, upper);
    }

    /// <summary>
    /// Logit interval: expit(logit p ± z / √(n p (1−p))). Undefined at p = 0 or 1 (infinite logit), where
    /// this returns null and the caller falls back to Wilson.
    /// </summary>
    public static ProportionInterval? Logit(double p, double n, double z = Z95)
    {
        CheckArguments(p, n, z);
        if (p <= 0 || p >= 1)
        {
            return null;
        }

        var centre = Math.Log(p / (1 - p));
        var half = z / Math.Sqrt(n * p * (1 - p));
        return new ProportionInterval(Expit(centre - half), Expit(centre + half));
    }

    private static double Expit(double x) => 1 / (1 + Math.Exp(-x));

    private static void CheckArguments(double p, double n, double z)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A proportion lies in [0, 1].");
        }

        if (!(n > 0) || !double.IsFinite(n))
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The sample size must be positive and finite.");
        }

        if (!(z > 0) || !double.IsFinite(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "z must be positive and finite.");
        }
    }
}
