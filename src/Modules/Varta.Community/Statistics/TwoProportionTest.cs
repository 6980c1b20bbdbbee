namespace Varta.Community.Statistics;

/// <summary>
/// Two shares from independent samples compared: the difference p₂ − p₁ with a 95 % (Wald) interval from the unpooled
/// standard error √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂), and the two-sided z test of "no difference" with the pooled share
/// p̄ = (n₁p₁ + n₂p₂)/(n₁ + n₂): z = (p₂ − p₁) / √(p̄(1−p̄)(1/n₁ + 1/n₂)). For weighted shares the sizes are the
/// effective ones (n / deff), which is how the design effect widens the test as it widens the intervals.
/// </summary>
internal readonly record struct TwoProportionTest(double Difference, double Lower, double Upper, double Z, double PValue)
{
    public bool Significant => PValue < 0.05;

    public static TwoProportionTest Compare(double p1, double n1, double p2, double n2)
    {
        if (!(p1 is >= 0 and <= 1) || !(p2 is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p1), "A proportion lies in [0, 1].");
        }

        if (!(n1 > 0) || !(n2 > 0) || !double.IsFinite(n1) || !double.IsFinite(n2))
        {
            throw new ArgumentOutOfRangeException(nameof(n1), "Sample sizes must be positive and finite.");
        }

        var difference = p2 - p1;
        var se = Math.Sqrt((p1 * (1 - p1) / n1) + (p2 * (1 - p2) / n2));
        var pooled = ((n1 * p1) + (n2 * p2)) / (n1 + n2);
        var se0 = Math.Sqrt(pooled * (1 - pooled) * ((1 / n1) + (1 / n2)));

        // Both shares 0 (or both 1): nothing varies, there is no evidence of a difference.
        var z = se0 > 0 ? difference / se0 : 0;
        return new TwoProportionTest(difference, Math.Max(-1, difference - (ProportionInterval.Z95 * se)), Math.Min(1, difference + (ProportionInterval.Z95 * se)),
            z, Math.Min(1, 2 * UpperTail(Math.Abs(z))));
    }

    /// <summary>P(Z &gt; x) for the standard normal, x ≥ 0: erfc(x/√2)/2.</summary>
    public static double UpperTail(double x) => Erfc(x / Math.Sqrt(2)) / 2;

    /// <summary>
    /// The complementary error function for x ≥ 0 by the rational approximation of Abramowitz and Stegun, 7.1.26
    /// (absolute error below 1.5·10⁻⁷): ample for p-values shown to three decimals.
    /// </summary>
    private static double Erfc(double x)
    {
        var t = 1 / (1 + (0.3275911 * x));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        return poly * Math.Exp(-x * x);
    }

    /// <summary>Whether two intervals share a point: the cruder reading of "no difference" that the pages show beside the test.</summary>
    public static bool Overlap(double lower1, double upper1, double lower2, double upper2) => lower1 <= upper2 && lower2 <= upper1;
}
