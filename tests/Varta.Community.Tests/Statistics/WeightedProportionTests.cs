using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class WeightedProportionTests
{
    // 100 respondents: 50 with weight 1 and 50 with weight 3; 15 "yes" in each half.
    //   p̂ = (15·1 + 15·3) / (50·1 + 50·3) = 60 / 200 = 0.3 (and the raw share is also 30/100)
    //   Σw = 200, Σw² = 50·1 + 50·9 = 500, deff = 100 · 500 / 200² = 1.25, n_eff = 100 / 1.25 = 80
    private static (double[] Weights, bool[] Outcomes) HalfWeightedThree()
    {
        var weights = new double[100];
        var outcomes = new bool[100];
        for (var i = 0; i < 100; i++)
        {
            weights[i] = i < 50 ? 1 : 3;
            outcomes[i] = i % 50 < 15;
        }

        return (weights, outcomes);
    }

    [Fact]
    public void Weighting_widens_the_interval_through_the_effective_sample_size()
    {
        var (weights, outcomes) = HalfWeightedThree();

        var estimate = WeightedProportion.Estimate(weights, outcomes);

        Assert.Equal(0.3, estimate.Proportion!.Value, 12);
        Assert.Equal(1.25, estimate.DesignEffect.DesignEffect, 12);
        Assert.Equal(80, estimate.DesignEffect.EffectiveSampleSize, 9);

        // Wilson with n = 80: z²/n = 0.0480182, denominator 1.0480182
        // centre = (0.3 + 0.0240091) / 1.0480182 = 0.3091636
        // half = 1.959964 · √(0.21/80 + 3.841459/25600) / 1.0480182 = 1.959964 · √0.0027751 / 1.0480182 = 0.0985179
        // → (0.2106457, 0.4076815), against (0.2189489, 0.3958485) unweighted with n = 100.
        var wilson = estimate.Wilson!.Value;
        Assert.Equal(0.2106457, wilson.Lower, 1e-6);
        Assert.Equal(0.4076815, wilson.Upper, 1e-6);
        var raw = estimate.UnweightedWilson!.Value;
        Assert.Equal(0.2189489, raw.Lower, 1e-6);
        Assert.Equal(0.3958485, raw.Upper, 1e-6);
        Assert.True(wilson.Upper - wilson.Lower > raw.Upper - raw.Lower);

        // Logit with n = 80: half = 1.959964 / √(80 · 0.21) = 1.959964 / 4.0987803 = 0.4781822
        // expit(−0.8472979 ∓ 0.4781822) = (0.2099080, 0.4087547)
        Assert.False(estimate.LogitFellBackToWilson);
        Assert.Equal(0.2099080, estimate.Logit!.Value.Lower, 1e-6);
        Assert.Equal(0.4087547, estimate.Logit!.Value.Upper, 1e-6);
    }

    [Fact]
    public void With_no_successes_the_logit_interval_falls_back_to_wilson()
    {
        var (weights, _) = HalfWeightedThree();

        var estimate = WeightedProportion.Estimate(weights, new bool[100]);

        Assert.Equal(0, estimate.Proportion);
        Assert.True(estimate.LogitFellBackToWilson);
        Assert.Equal(estimate.Wilson, estimate.Logit);
        // Wilson at p = 0 with n_eff = 80: (0, z² / (80 + z²)) = (0, 3.841459 / 83.841459) = (0, 0.0458182)
        Assert.Equal(0, estimate.Wilson!.Value.Lower);
        Assert.Equal(0.0458182, estimate.Wilson!.Value.Upper, 1e-6);
    }

    [Fact]
    public void With_only_successes_the_interval_ends_at_one()
    {
        var (weights, _) = HalfWeightedThree();

        var estimate = WeightedProportion.Estimate(weights, Enumerable.Repeat(true, 100).ToArray());

        Assert.Equal(1, estimate.Proportion);
        Assert.True(estimate.LogitFellBackToWilson);
        Assert.Equal(1, estimate.Wilson!.Value.Upper);
        Assert.Equal(1 - 0.0458182, estimate.Wilson!.Value.Lower, 1e-6);
    }

    [Fact]
    public void Without_respondents_there_is_no_estimate()
    {
        var empty = WeightedProportion.Estimate([], []);
        var allZero = WeightedProportion.Estimate([0, 0], [true, false]);

        foreach (var estimate in new[] { empty, allZero })
        {
            Assert.Equal(0, estimate.Respondents);
            Assert.Null(estimate.Proportion);
            Assert.Null(estimate.Wilson);
            Assert.Null(estimate.Logit);
            Assert.Null(estimate.UnweightedWilson);
        }
    }

    [Fact]
    public void Respondents_with_weight_zero_take_no_part()
    {
        // Weights 2, 2, 0: p̂ = 2 / 4 = 0.5 whatever the zero-weight respondent answered.
        var estimate = WeightedProportion.Estimate([2, 2, 0], [true, false, true]);

        Assert.Equal(0.5, estimate.Proportion);
        Assert.Equal(2, estimate.Respondents);
        Assert.Equal(1, estimate.Successes);
    }
}
