using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class RakingTests
{
    // One hromada, sample by sex × age (only the margins of the population are known, so the six cells
    // cannot be post-stratified):
    //          A1   A2   A3  | n      population: M 480, F 520; A1 300, A2 400, A3 300 (total 1000)
    //   M      10   20   10  | 40
    //   F      20   20   20  | 60
    private static (string[] Sex, string[] Age) Sample(int[,] cells)
    {
        var sex = new List<string>();
        var age = new List<string>();
        for (var s = 0; s < 2; s++)
        {
            for (var a = 0; a < 3; a++)
            {
                for (var k = 0; k < cells[s, a]; k++)
                {
                    sex.Add(s == 0 ? "M" : "F");
                    age.Add($"A{a + 1}");
                }
            }
        }

        return (sex.ToArray(), age.ToArray());
    }

    private static readonly int[,] Cells = { { 10, 20, 10 }, { 20, 20, 20 } };

    private static List<RakingMargin<string>> Margins(int[,] cells, double m, double f, double a1, double a2, double a3)
    {
        var (sex, age) = Sample(cells);
        return
        [
            new RakingMargin<string>("sex", sex, new Dictionary<string, double> { ["M"] = m, ["F"] = f }),
            new RakingMargin<string>("age", age, new Dictionary<string, double> { ["A1"] = a1, ["A2"] = a2, ["A3"] = a3 }),
        ];
    }

    private static void AssertMarginsMet(IReadOnlyList<RakingMargin<string>> margins, IReadOnlyList<double> weights, double tolerance)
    {
        foreach (var margin in margins)
        {
            foreach (var (category, total) in margin.PopulationTotals)
            {
                var sum = weights.Where((_, i) => margin.RespondentCategories[i] == category).Sum();
                Assert.True(Math.Abs(sum - total) <= tolerance, $"{margin.Name}={category}: {sum} against {total}");
            }
        }
    }

    [Fact]
    public void Raking_meets_every_margin_after_convergence()
    {
        var margins = Margins(Cells, 480, 520, 300, 400, 300);

        var result = Raking.Rake(margins);

        Assert.Equal(RakingStatus.Converged, result.Status);
        Assert.True(result.Iterations > 1);
        Assert.True(result.MaxRelativeMarginError <= 1e-10);
        AssertMarginsMet(margins, result.Weights, 1e-6);
        // Raking weights are products of a sex factor and an age factor, so the weight ratio of
        // M to F is the same in every age group.
        var (sex, age) = Sample(Cells);
        double Weight(string s, string a) => result.Weights[Enumerable.Range(0, sex.Length).First(i => sex[i] == s && age[i] == a)];
        Assert.Equal(Weight("M", "A1") / Weight("F", "A1"), Weight("M", "A2") / Weight("F", "A2"), 9);
    }

    [Fact]
    public void One_sweep_is_not_enough_and_is_reported_as_not_converged()
    {
        // Sweep 1, sex: M × 480/40 = 12, F × 520/60 = 26/3.
        // Age: A1 sum = 10·12 + 20·26/3 = 880/3 → × 300/(880/3) = 45/44; A2 = 240 + 520/3 = 1240/3 → × 30/31;
        //      A3 as A1 → × 45/44.
        // Weights: M A1/A3 = 12·45/44 = 135/11, M A2 = 360/31, F A1/A3 = 26/3·45/44 = 195/22, F A2 = 260/31.
        // Sex margin after the sweep: M = 20·135/11 + 20·360/31 = 162900/341 = 477.7126 (target 480),
        // relative error (480 − 162900/341) / 480 = (780/341) / 480 = 0.0047654; F: 2.2874/520 = 0.0043989.
        var margins = Margins(Cells, 480, 520, 300, 400, 300);

        var result = Raking.Rake(margins, new RakingOptions { MaxIterations = 1 });

        Assert.Equal(RakingStatus.NotConverged, result.Status);
        Assert.Equal(1, result.Iterations);
        Assert.Equal(780.0 / 341 / 480, result.MaxRelativeMarginError!.Value, 12);
        Assert.Equal(135.0 / 11, result.Weights[0], 12);
        Assert.Equal(360.0 / 31, result.Weights[10], 12);
        Assert.Equal(195.0 / 22, result.Weights[40], 12);
        Assert.Equal(260.0 / 31, result.Weights[60], 12);
    }

    [Fact]
    public void Margins_that_the_sample_structure_cannot_meet_never_converge()
    {
        // Only young men and old women were reached: every man is A1 and every woman A2. Sex step gives
        // men 600/5 = 120, women 400/5 = 80; age step then gives A1 (= the men) 500/5 = 100 and A2 (= the
        // women) 100, so men sum to 500 (error 100/600) and women to 500 (error 100/400 = 0.25), forever.
        int[,] diagonal = { { 5, 0, 0 }, { 0, 5, 0 } };
        var margins = Margins(diagonal, 600, 400, 500, 500, 0);

        var result = Raking.Rake(margins, new RakingOptions { MaxIterations = 50 });

        Assert.Equal(RakingStatus.NotConverged, result.Status);
        Assert.Equal(50, result.Iterations);
        Assert.Equal(0.25, result.MaxRelativeMarginError!.Value, 12);
    }

    [Fact]
    public void Categories_with_respondents_but_no_population_or_population_but_no_respondents_are_flagged()
    {
        // A3 has respondents but population 0; the sample has no A3 for the second case below.
        var zeroPopulation = Margins(Cells, 480, 520, 500, 500, 0);

        var result = Raking.Rake(zeroPopulation);

        Assert.Equal(RakingStatus.InvalidMargins, result.Status);
        Assert.Empty(result.Weights);
        Assert.Null(result.MaxRelativeMarginError);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(new RakingIssue<string>("age", "A3", RakingIssueKind.RespondentsWithoutPopulation, 30, 0), issue);

        int[,] noOld = { { 10, 20, 0 }, { 20, 20, 0 } };
        var emptyCategory = Raking.Rake(Margins(noOld, 480, 520, 300, 400, 300));

        Assert.Equal(RakingStatus.InvalidMargins, emptyCategory.Status);
        Assert.Equal(new RakingIssue<string>("age", "A3", RakingIssueKind.PopulationWithoutRespondents, 0, 300), Assert.Single(emptyCategory.Issues));
    }

    [Fact]
    public void Margins_with_different_population_totals_are_flagged()
    {
        // Sex adds up to 1000, age to 1001: no weights can meet both.
        var result = Raking.Rake(Margins(Cells, 480, 520, 301, 400, 300));

        Assert.Equal(RakingStatus.InvalidMargins, result.Status);
        Assert.Equal(["age"], result.MarginsWithDifferentTotal);
    }

    [Fact]
    public void Trimming_caps_weights_at_k_times_the_mean_and_re_raking_keeps_the_margins()
    {
        // Few A1 men (2 of 40): n = 100, N = 1000, mean weight 10.
        //          A1   A2   A3
        //   M       2   20   18     population: M 500, F 500; A1 300, A2 350, A3 350
        //   F      18   22   20
        // Untrimmed raking gives M A1 about 26.7 = 2.67 × mean. With k = 2 the cap is 20; it is feasible:
        // e.g. A1 needs 300 = 2·20 + 18·w → w(F A1) = 14.4 ≤ 20.
        int[,] cells = { { 2, 20, 18 }, { 18, 22, 20 } };
        var margins = Margins(cells, 500, 500, 300, 350, 350);

        var untrimmed = Raking.Rake(margins);
        var trimmed = Raking.Rake(margins, new RakingOptions { TrimRatio = 2 });

        Assert.True(untrimmed.MaxWeightToMeanRatio > 2.6);
        Assert.Equal(RakingStatus.Converged, trimmed.Status);
        Assert.True(trimmed.TrimmingRounds >= 1);
        Assert.True(trimmed.WithinTrimCap);
        Assert.True(trimmed.Weights.Max() <= 20 * (1 + 1e-9), $"max weight {trimmed.Weights.Max()}");
        AssertMarginsMet(margins, trimmed.Weights, 1e-6);
    }

    [Fact]
    public void An_unreachable_cap_leaves_the_margins_met_and_says_the_cap_is_not()
    {
        // k = 1.2 caps weights at 12, but A1 needs 300 from 20 respondents: at most 20 · 12 = 240.
        int[,] cells = { { 2, 20, 18 }, { 18, 22, 20 } };
        var margins = Margins(cells, 500, 500, 300, 350, 350);

        var result = Raking.Rake(margins, new RakingOptions { TrimRatio = 1.2, MaxTrimmingRounds = 5 });

        Assert.Equal(RakingStatus.Converged, result.Status);
        Assert.Equal(5, result.TrimmingRounds);
        Assert.False(result.WithinTrimCap);
        Assert.True(result.MaxWeightToMeanRatio > 1.2);
        AssertMarginsMet(margins, result.Weights, 1e-6);
    }

    [Fact]
    public void Raking_on_one_margin_is_post_stratification()
    {
        // With the single margin sex: M 480/40 = 12, F 520/60 = 8.667, as N_h / n_h.
        var (sex, _) = Sample(Cells);
        var population = new Dictionary<string, double> { ["M"] = 480, ["F"] = 520 };

        var raked = Raking.Rake([new RakingMargin<string>("sex", sex, population)]);
        var poststratified = PostStratification.Weigh(sex, population);

        Assert.Equal(1, raked.Iterations);
        Assert.Equal(poststratified.Weights, raked.Weights);
    }
}
