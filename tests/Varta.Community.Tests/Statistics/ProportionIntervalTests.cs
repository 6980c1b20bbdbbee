using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class ProportionIntervalTests
{
    // z = 1.959964, z² = 3.841459 throughout.

    [Fact]
    public void Wilson_interval_for_30_of_100()
    {
        // z²/n = 0.0384146; denominator 1 + z²/n = 1.0384146
        // centre = (0.3 + 0.0192073) / 1.0384146 = 0.3073987
        // half   = 1.959964 · √(0.21/100 + 3.841459/40000) / 1.0384146
        //        = 1.959964 · √(0.0021 + 0.0000960) / 1.0384146 = 1.959964 · 0.0468619 / 1.0384146 = 0.0884498
        // interval = (0.2189489, 0.3958485)
        var interval = ProportionInterval.Wilson(0.3, 100);

        Assert.Equal(0.2189, interval.Lower, 1e-4);
        Assert.Equal(0.3958, interval.Upper, 1e-4);
    }

    [Fact]
    public void Wilson_interval_for_0_of_20_starts_at_zero()
    {
        // p = 0: centre = (z²/2n) / (1 + z²/n) = half, so lower = 0 and upper = z² / (n + z²)
        // = 3.841459 / 23.841459 = 0.1611252.
        var interval = ProportionInterval.Wilson(0, 20);

        Assert.Equal(0, interval.Lower);
        Assert.Equal(0.1611252, interval.Upper, 1e-6);
    }

    [Fact]
    public void Wilson_interval_for_all_successes_ends_at_one()
    {
        // Mirror of 0 of 20: (1 − 0.1611252, 1).
        var interval = ProportionInterval.Wilson(1, 20);

        Assert.Equal(1 - 0.1611252, interval.Lower, 1e-6);
        Assert.Equal(1, interval.Upper);
    }

    [Fact]
    public void Logit_interval_for_30_of_100()
    {
        // logit 0.3 = ln(0.3/0.7) = −0.8472979; half = 1.959964 / √(100 · 0.21) = 1.959964 / 4.5825757 = 0.4276992
        // expit(−1.2749971) = 1 / (1 + e^1.2749971) = 1 / (1 + 3.5787) = 0.2184030
        // expit(−0.4195987) = 1 / (1 + e^0.4195987) = 1 / (1 + 1.5213) = 0.3966128
        var interval = ProportionInterval.Logit(0.3, 100);

        Assert.NotNull(interval);
        Assert.Equal(0.2184030, interval.Value.Lower, 1e-6);
        Assert.Equal(0.3966128, interval.Value.Upper, 1e-6);
    }

    [Fact]
    public void Logit_interval_is_undefined_at_the_ends()
    {
        Assert.Null(ProportionInterval.Logit(0, 20));
        Assert.Null(ProportionInterval.Logit(1, 20));
    }
}
