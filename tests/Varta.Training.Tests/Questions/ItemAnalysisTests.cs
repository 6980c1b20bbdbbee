using Varta.Training.Questions;

namespace Varta.Training.Tests.Questions;

public sealed class ItemAnalysisTests
{
    private static readonly Guid A1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid A2 = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid A3 = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid A4 = Guid.Parse("00000000-0000-0000-0000-000000000004");

    [Fact]
    public void A_worked_example_by_hand()
    {
        //        Q1  Q2  Q3  Easy | total
        //   A1    1   1   0    1  |  3
        //   A2    1   0   1    1  |  3
        //   A3    0   0   0    1  |  1
        //   A4    1   1   1    1  |  4
        ItemScore[] scores =
        [
            new(A1, "Q1", 1), new(A1, "Q2", 1), new(A1, "Q3", 0), new(A1, "Easy", 1),
            new(A2, "Q1", 1), new(A2, "Q2", 0), new(A2, "Q3", 1), new(A2, "Easy", 1),
            new(A3, "Q1", 0), new(A3, "Q2", 0), new(A3, "Q3", 0), new(A3, "Easy", 1),
            new(A4, "Q1", 1), new(A4, "Q2", 1), new(A4, "Q3", 1), new(A4, "Easy", 1),
        ];

        var stats = ItemAnalysis.Compute(scores).ToDictionary(s => s.QuestionKey);

        // Q1: scores 1,1,0,1 → mean 0.75 → facility 75.
        //   Sample variance: (3 × 0.25² + 0.75²) / 3 = 0.75 / 3 = 0.25 → SD 0.5 → 50.
        //   Rest of the test (total − Q1): 2,2,1,3, mean 2. Deviations: Q1 .25,.25,−.75,.25; rest 0,0,−1,1.
        //   Covariance (0 + 0 + .75 + .25) / 3 = 1/3; rest variance (0 + 0 + 1 + 1) / 3 = 2/3.
        //   r = (1/3) / √(0.25 × 2/3) = (1/3) / √(1/6) = √6 / 3 = 0.8165 → 81.65.
        Assert.Equal(4, stats["Q1"].Attempts);
        Assert.Equal(75, stats["Q1"].FacilityIndex, 9);
        Assert.Equal(50, stats["Q1"].StandardDeviation!.Value, 9);
        Assert.Equal(100 * Math.Sqrt(6) / 3, stats["Q1"].DiscriminationIndex!.Value, 9);

        // Q2: scores 1,0,0,1 → facility 50; variance 4 × 0.25 / 3 = 1/3 → SD √(1/3) = 0.57735 → 57.735.
        //   Rest: 2,3,1,3, mean 2.25. Deviations: Q2 .5,−.5,−.5,.5; rest −.25,.75,−1.25,.75.
        //   Covariance (−.125 − .375 + .625 + .375) / 3 = 0.5 / 3 = 1/6.
        //   Rest variance (.0625 + .5625 + 1.5625 + .5625) / 3 = 2.75 / 3.
        //   r = (1/6) / √(1/3 × 2.75/3) = (1/6) / (√2.75 / 3) = 0.5 / √2.75 = 0.30151 → 30.15.
        Assert.Equal(50, stats["Q2"].FacilityIndex, 9);
        Assert.Equal(100 * Math.Sqrt(1.0 / 3), stats["Q2"].StandardDeviation!.Value, 9);
        Assert.Equal(50 / Math.Sqrt(2.75), stats["Q2"].DiscriminationIndex!.Value, 9);
        Assert.Equal(30.15, stats["Q2"].DiscriminationIndex!.Value, 2);

        // Q3 mirrors Q2: scores 0,1,0,1, rest 3,2,1,3; deviations −.5,.5,−.5,.5 and .75,−.25,−1.25,.75 give the same r.
        Assert.Equal(50 / Math.Sqrt(2.75), stats["Q3"].DiscriminationIndex!.Value, 9);

        // Everyone got Easy right: facility 100, SD 0, and no discrimination (no variance to correlate).
        Assert.Equal((100.0, 0.0), (stats["Easy"].FacilityIndex, stats["Easy"].StandardDeviation!.Value));
        Assert.Null(stats["Easy"].DiscriminationIndex);

        Assert.Equal(["Q1", "Q2", "Q3", "Easy"], ItemAnalysis.Compute(scores).Select(s => s.QuestionKey));
    }

    [Fact]
    public void One_attempt_has_no_spread_and_no_discrimination()
    {
        var stat = Assert.Single(ItemAnalysis.Compute([new(A1, "Q", 0.5)]));

        Assert.Equal(new ItemStatistics("Q", 1, 50, null, null), stat);
    }

    [Fact]
    public void Questions_drawn_at_random_count_only_the_attempts_that_had_them_and_repeats_count_once()
    {
        ItemScore[] scores =
        [
            new(A1, "Q1", 1), new(A1, "Q2", 0.5), new(A1, "Q2", 0),
            new(A2, "Q1", 0), new(A2, "Q3", 1),
            new(A3, "Q2", 1),
        ];

        var stats = ItemAnalysis.Compute(scores).ToDictionary(s => s.QuestionKey);

        Assert.Equal((2, 50.0), (stats["Q1"].Attempts, stats["Q1"].FacilityIndex));
        Assert.Equal((2, 75.0), (stats["Q2"].Attempts, stats["Q2"].FacilityIndex));   // A1's first 0.5 and A3's 1
        Assert.Equal((1, 100.0), (stats["Q3"].Attempts, stats["Q3"].FacilityIndex));
        // Q1 against the rest: A1 rest 0.5, A2 rest 1 → the better Q1 score went with the lower rest: r = −1.
        Assert.Equal(-100, stats["Q1"].DiscriminationIndex!.Value, 9);
    }
}
