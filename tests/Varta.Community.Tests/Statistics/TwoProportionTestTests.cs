using Varta.Community.Statistics;
using Varta.Community.Surveys;

namespace Varta.Community.Tests.Statistics;

public sealed class TwoProportionTestTests
{
    [Fact]
    public void A_quarter_of_40_against_a_half_of_60_differs_by_25_points_with_z_2_5()
    {
        // Worked by hand. Pooled share (10 + 30) / 100 = 0.4; pooled SE = √(0.4 × 0.6 × (1/40 + 1/60)) = √0.01 = 0.1;
        // z = (0.5 − 0.25) / 0.1 = 2.5; p = 2 (1 − Φ(2.5)) = 2 × 0.0062097 = 0.0124193.
        // Unpooled SE = √(0.25 × 0.75 / 40 + 0.5 × 0.5 / 60) = √0.00885417 = 0.0940967; 1.959964 × SE = 0.184426.
        var test = TwoProportionTest.Compare(0.25, 40, 0.5, 60);

        Assert.Equal(0.25, test.Difference, 12);
        Assert.Equal(2.5, test.Z, 9);
        Assert.Equal(0.0124193, test.PValue, 6);
        Assert.Equal(0.0655741, test.Lower, 6);
        Assert.Equal(0.4344259, test.Upper, 6);
        Assert.True(test.Significant);
    }

    [Fact]
    public void The_normal_tail_matches_the_tables()
    {
        Assert.Equal(0.025, TwoProportionTest.UpperTail(1.959964), 6);
        Assert.Equal(0.5, TwoProportionTest.UpperTail(0), 6);
        Assert.Equal(0.0013499, TwoProportionTest.UpperTail(3), 6);
    }

    [Fact]
    public void Equal_shares_and_shares_at_the_edge_show_no_difference()
    {
        var same = TwoProportionTest.Compare(0.3, 50, 0.3, 80);
        Assert.Equal(0.0, same.Z);
        Assert.Equal(1.0, same.PValue, 6);
        var none = TwoProportionTest.Compare(0, 20, 0, 30);
        Assert.Equal((0.0, false), (none.Z, none.Significant));
        Assert.Equal(1.0, none.PValue, 6);
    }

    private static ResultDto Result(double effective, bool weighted, params ResultLineDto[] lines) =>
        new("feel_safe", "Feel safe?", "UA01000000000011111", "Область", 100, 100 / effective, effective, weighted, 10, lines, []);

    private static ResultLineDto Line(string value, double? share, double? lower = null, double? upper = null) =>
        new(value, value, share is null ? null : 50, share, share, lower, upper, share is null);

    [Fact]
    public void Weighted_results_are_tested_on_their_effective_sizes_not_on_the_respondents()
    {
        // 100 respondents on each side with a design effect of 2: n_eff = 50. Pooled 0.6; SE = √(0.24 × 2/50) = 0.0979796;
        // z = 0.2 / 0.0979796 = 2.0412415; p = 0.0412268 (with 100 on each side it would be z = 2.8867513, p = 0.0038924).
        var lines = PeriodComparison.Lines(
            Result(50, true, Line("yes", 0.5, 0.36, 0.64), Line("no", 0.5, 0.36, 0.64)),
            Result(50, true, Line("yes", 0.7, 0.56, 0.81), Line("no", 0.3, 0.19, 0.44)));

        var yes = lines[0];
        Assert.Equal((0.5, 0.7), (yes.FirstShare, yes.SecondShare));
        Assert.Equal(0.2, yes.Difference!.Value, 12);
        Assert.Equal(2.0412, yes.Z);
        Assert.Equal(0.0412, yes.PValue);
        Assert.Equal((true, true, false), (yes.Significant, yes.IntervalsOverlap, yes.Suppressed));
        Assert.Equal(-2.0412, lines[1].Z);
    }

    [Fact]
    public void A_line_suppressed_on_either_side_gets_no_difference_and_no_test()
    {
        var lines = PeriodComparison.Lines(
            Result(40, false, Line("yes", 0.25, 0.14, 0.40), Line("no", 0.75, 0.60, 0.86)),
            Result(15, false, Line("yes", null), Line("no", null), Line("unsure", null)));

        Assert.Equal(["yes", "no", "unsure"], lines.Select(l => l.Value));
        Assert.All(lines, l => Assert.True(l.Suppressed));
        Assert.All(lines, l => Assert.Null(l.Difference));
        Assert.All(lines, l => Assert.Null(l.PValue));
        Assert.Equal(0.25, lines[0].FirstShare);
        Assert.Null(lines[0].SecondShare);
    }
}
