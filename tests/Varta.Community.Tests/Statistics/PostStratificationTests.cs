using Varta.Community.Statistics;

namespace Varta.Community.Tests.Statistics;

public sealed class PostStratificationTests
{
    // One hromada, strata sex × age group (2 × 2).
    //   stratum          N_h   n_h   w = N_h / n_h
    //   (F, 18-59)       400    2    200
    //   (F, 60+)         450    3    150
    //   (M, 18-59)       200    4     50
    //   (M, 60+)         350    1    350
    // Σw = 2·200 + 3·150 + 4·50 + 1·350 = 400 + 450 + 200 + 350 = 1400 = N.
    private static readonly (string Sex, string Age)[] Sample =
    [
        ("F", "18-59"), ("M", "18-59"), ("F", "60+"), ("M", "60+"), ("M", "18-59"),
        ("F", "18-59"), ("F", "60+"), ("M", "18-59"), ("F", "60+"), ("M", "18-59"),
    ];

    private static readonly Dictionary<(string, string), double> Population = new()
    {
        [("F", "18-59")] = 400,
        [("F", "60+")] = 450,
        [("M", "18-59")] = 200,
        [("M", "60+")] = 350,
    };

    [Fact]
    public void Weights_are_stratum_population_over_stratum_respondents_and_sum_to_the_population()
    {
        var result = PostStratification.Weigh(Sample, Population);

        double[] expected = [200, 50, 150, 350, 50, 200, 150, 50, 150, 50];
        Assert.Equal(expected, result.Weights);
        Assert.Equal(1400, result.WeightTotal, 9);
        Assert.True(result.IsComplete);
        Assert.Equal(10, result.WeightedRespondents);
    }

    [Fact]
    public void Scaled_to_the_sample_size_the_weights_sum_to_the_number_of_respondents()
    {
        // Factor n / N = 10 / 1400: 200 → 1.428571…, 150 → 1.071428…, 50 → 0.357142…, 350 → 2.5.
        var result = PostStratification.Weigh(Sample, Population, WeightScale.SampleSize);

        Assert.Equal(200.0 / 140, result.Weights[0], 12);
        Assert.Equal(50.0 / 140, result.Weights[1], 12);
        Assert.Equal(150.0 / 140, result.Weights[2], 12);
        Assert.Equal(2.5, result.Weights[3], 12);
        Assert.Equal(10, result.WeightTotal, 9);
    }

    [Fact]
    public void Unmatched_strata_are_reported_and_not_collapsed()
    {
        // A respondent aged 80+ has no population row; the population has women 80+ (120) and nobody
        // sampled there. The 80+ respondent gets weight 0; the 120 women stay uncovered, so the weights
        // sum to 1400, not 1520.
        var sample = Sample.Append(("M", "80+")).ToArray();
        var population = new Dictionary<(string, string), double>(Population) { [("F", "80+")] = 120 };

        var result = PostStratification.Weigh(sample, population);

        Assert.False(result.IsComplete);
        Assert.Equal([("M", "80+")], result.SampleStrataWithoutPopulation);
        Assert.Equal([("F", "80+")], result.PopulationStrataWithoutRespondents);
        Assert.Equal(0, result.Weights[^1]);
        Assert.Equal(1, result.UnweightedRespondents);
        Assert.Equal(1400, result.CoveredPopulation);
        Assert.Equal(120, result.UncoveredPopulation);
        Assert.Equal(1400, result.WeightTotal, 9);
    }

    [Fact]
    public void A_stratum_with_zero_population_counts_as_having_none()
    {
        var population = new Dictionary<(string, string), double>(Population) { [("M", "60+")] = 0 };

        var result = PostStratification.Weigh(Sample, population);

        Assert.Equal([("M", "60+")], result.SampleStrataWithoutPopulation);
        Assert.Empty(result.PopulationStrataWithoutRespondents);
        Assert.Equal(0, result.Weights[3]);
    }
}
