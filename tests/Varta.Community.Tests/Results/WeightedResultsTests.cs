using Varta.Community.Results;
using Varta.Community.Statistics;

namespace Varta.Community.Tests.Results;

public sealed class WeightedResultsTests
{
    private static readonly Stratum Women = new("UA01020030000033333", "f", "18-29");
    private static readonly Stratum Men = new("UA01020030000033333", "m", "18-29");

    [Fact]
    public void Shares_are_post_stratified_to_the_hromada_population_and_the_interval_uses_the_effective_sample()
    {
        // 20 women and 30 men answered; 1,000 of each live there: a woman weighs 1000/20 = 50, a man 1000/30 = 33.33.
        // "yes": 10 women, 6 men. Unweighted 16/50 = 0.32; weighted (10·50 + 6·33.33) / (20·50 + 30·33.33) = 700/2000 = 0.35.
        // Kish: n Σw² / (Σw)² = 50 · (20·2500 + 30·1111.11) / 2000² = 50 · 83,333.33 / 4,000,000 = 1.0416667; n_eff = 48.
        var respondents = new Dictionary<Stratum, int> { [Women] = 20, [Men] = 30 };
        var result = WeightedResults.Compute(respondents, respondents,
            [(Women, "yes", 10), (Men, "yes", 6), (Women, "no", 10), (Men, "no", 24)],
            new Dictionary<Stratum, int> { [Women] = 1000, [Men] = 1000 }, ["yes", "no"], threshold: 5);

        var yes = result.Answers[0];
        Assert.Equal(16, yes.Count);
        Assert.Equal(0.32, yes.Share!.Value, 1e-12);
        Assert.Equal(0.35, yes.WeightedShare!.Value, 1e-12);
        Assert.Equal(1.0416667, result.DesignEffect, 1e-6);
        Assert.Equal(48, result.EffectiveRespondents, 1e-9);
        var wilson = ProportionInterval.Wilson(0.35, 48);
        Assert.Equal((wilson.Lower, wilson.Upper), (yes.Lower!.Value, yes.Upper!.Value));
        Assert.True(wilson.Upper - wilson.Lower > ProportionInterval.Wilson(0.35, 50).Upper - ProportionInterval.Wilson(0.35, 50).Lower); // weighting widens it
        Assert.Equal(0.65, result.Answers[1].WeightedShare!.Value, 1e-12);
    }

    [Fact]
    public void A_small_answer_and_the_cell_that_would_reveal_it_are_suppressed()
    {
        // "unsure" rests on 3 < 5 respondents. With the total (53) and "no" (34) published, "yes" would give it away
        // (53 − 34 − yes = unsure), so the smaller of the other two is suppressed as well.
        var respondents = new Dictionary<Stratum, int> { [Women] = 23, [Men] = 30 };
        var result = WeightedResults.Compute(respondents, respondents,
            [(Women, "yes", 10), (Men, "yes", 6), (Women, "no", 10), (Men, "no", 24), (Women, "unsure", 3)],
            new Dictionary<Stratum, int> { [Women] = 1000, [Men] = 1000 }, ["yes", "no", "unsure"], threshold: 5);

        Assert.True(result.Answers[2].Suppressed);
        Assert.Null(result.Answers[2].Count);
        Assert.True(result.Answers[0].Suppressed);
        Assert.Null(result.Answers[0].WeightedShare);
        Assert.False(result.Answers[1].Suppressed);
        Assert.Equal(34, result.Answers[1].Count);
    }

    [Fact]
    public void Respondents_of_a_stratum_without_population_weigh_nothing_and_are_reported()
    {
        var older = new Stratum("UA01020030000033333", "f", "65+");
        var respondents = new Dictionary<Stratum, int> { [Women] = 20, [older] = 10 };
        var result = WeightedResults.Compute(respondents, respondents, [(Women, "yes", 20), (older, "no", 10)],
            new Dictionary<Stratum, int> { [Women] = 1000 }, ["yes", "no"], threshold: 5);

        Assert.Equal([older], result.StrataWithoutPopulation);
        Assert.Equal(1.0, result.Answers[0].WeightedShare!.Value, 1e-12);
        Assert.Equal(20.0 / 30, result.Answers[0].Share!.Value, 1e-12);
    }

    [Fact]
    public void Without_population_the_shares_are_unweighted()
    {
        var respondents = new Dictionary<Stratum, int> { [Women] = 20, [Men] = 30 };
        var result = WeightedResults.Compute(respondents, respondents, [(Women, "yes", 10), (Men, "yes", 20), (Women, "no", 10), (Men, "no", 10)],
            new Dictionary<Stratum, int>(), ["yes", "no"], threshold: 5);

        Assert.False(result.Weighted);
        Assert.Equal(0.6, result.Answers[0].WeightedShare!.Value, 1e-12);
        Assert.Equal(1.0, result.DesignEffect, 1e-12);
    }
}
