using Varta.Training.Scheduling;

namespace Varta.Training.Tests.Scheduling;

/// <summary>Values worked out by hand from the FSRS-6 formulas with the default weights.</summary>
public sealed class FsrsSchedulerTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly FsrsScheduler NoFuzz = new(new FsrsParameters { EnableFuzz = false });

    [Theory]
    [InlineData(1, 0.212, 6.4133)]
    [InlineData(2, 1.2931, 5.11217071)]
    [InlineData(3, 2.3065, 2.11810397)]
    [InlineData(4, 8.2956, 1)] // Easy: w4 − e^(3·w5) + 1 is below 1: clamped
    public void A_first_review_starts_stability_at_w0_to_w3_and_difficulty_at_D0(int rating, double stability, double difficulty)
    {
        var card = NoFuzz.Review(FsrsScheduler.NewCard(Monday), (Rating)rating, Monday);

        Assert.Equal(stability, card.Stability);
        Assert.Equal(difficulty, card.Difficulty, 1e-8);
        Assert.Equal(1, card.Reps);
        Assert.Equal(Monday, card.LastReview);
    }

    [Theory]
    [InlineData(1, 1, 0)] // Again
    [InlineData(2, 6, 0)] // Hard: mean of the 1 and 10 minute steps, 5.5 rounded up
    [InlineData(3, 10, 1)] // Good
    public void A_new_card_walks_the_default_learning_steps(int rating, int minutes, int step)
    {
        var card = NoFuzz.Review(FsrsScheduler.NewCard(Monday), (Rating)rating, Monday);

        Assert.Equal(CardPhase.Learning, card.Phase);
        Assert.Equal(Monday.AddMinutes(minutes), card.Due);
        Assert.Equal(step, card.Step);
        Assert.Equal(0, card.ScheduledDays);
    }

    [Fact]
    public void Easy_on_a_new_card_skips_the_steps_to_an_interval_of_its_stability()
    {
        var card = NoFuzz.Review(FsrsScheduler.NewCard(Monday), Rating.Easy, Monday);

        Assert.Equal(CardPhase.Review, card.Phase);
        Assert.Equal(8, card.ScheduledDays); // S = w3 = 8.2956 days; at 90 % retention the interval is S, rounded
        Assert.Equal(Monday.AddDays(8), card.Due);
    }

    [Fact]
    public void Good_on_the_last_learning_step_graduates_the_card()
    {
        var card = NoFuzz.Review(FsrsScheduler.NewCard(Monday), Rating.Good, Monday);
        card = NoFuzz.Review(card, Rating.Good, card.Due);

        Assert.Equal(CardPhase.Review, card.Phase);
        Assert.Equal(0, card.Step);
        Assert.True(card.ScheduledDays >= 1);
    }

    [Fact]
    public void Retrievability_is_90_percent_when_the_elapsed_days_equal_the_stability()
    {
        var card = ReviewCard(stability: 10, difficulty: 5, lastReview: Monday);

        Assert.Equal(0.9, NoFuzz.Retrievability(card, Monday.AddDays(10)), 1e-8);
        Assert.Equal(1, NoFuzz.Retrievability(card, Monday.AddHours(23)));
        Assert.Equal(0, NoFuzz.Retrievability(FsrsScheduler.NewCard(Monday), Monday));
    }

    [Fact]
    public void Good_after_exactly_the_stability_grows_it_by_the_recall_formula()
    {
        var card = NoFuzz.Review(ReviewCard(10, 5, Monday), Rating.Good, Monday.AddDays(10));

        // S' = S·(1 + e^w8·(11−D)·S^−w9·(e^(w10·(1−R))−1)) with R = 0.9; D moves only by mean reversion.
        Assert.Equal(32.02672948, card.Stability, 1e-8);
        Assert.Equal(4.99022837, card.Difficulty, 1e-8);
        Assert.Equal(32, card.ScheduledDays);
        Assert.Equal(Monday.AddDays(42), card.Due);
    }

    [Fact]
    public void Again_on_a_review_card_counts_a_lapse_and_starts_relearning()
    {
        var card = NoFuzz.Review(ReviewCard(10, 5, Monday), Rating.Again, Monday.AddDays(10));

        // The forget formula gives 1.39 days, below S / e^(w17·w18) = 9.52, so it stands.
        Assert.Equal(1.39198697, card.Stability, 1e-8);
        Assert.Equal(8.34176237, card.Difficulty, 1e-8);
        Assert.Equal(CardPhase.Relearning, card.Phase);
        Assert.Equal(1, card.Lapses);
        Assert.Equal(Monday.AddDays(10).AddMinutes(10), card.Due);
    }

    [Fact]
    public void Without_short_term_memory_every_review_schedules_whole_days()
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { EnableFuzz = false, EnableShortTerm = false });

        var again = scheduler.Review(FsrsScheduler.NewCard(Monday), Rating.Again, Monday);
        var good = scheduler.Review(FsrsScheduler.NewCard(Monday), Rating.Good, Monday);

        Assert.Equal(CardPhase.Review, again.Phase);
        Assert.Equal(1, again.ScheduledDays);
        Assert.Equal(0, again.Lapses);
        Assert.Equal(CardPhase.Review, good.Phase);
        Assert.Equal(3, good.ScheduledDays); // w2 = 2.3065 gives 2, but Again 1, Hard pushed to 2, Good past it
    }

    [Fact]
    public void Fuzz_keeps_the_interval_in_its_range_and_is_the_same_for_the_same_review()
    {
        var scheduler = new FsrsScheduler(new FsrsParameters());
        var seen = new HashSet<int>();
        for (var minute = 0; minute < 200; minute++)
        {
            var at = Monday.AddMinutes(minute);
            var card = scheduler.Review(FsrsScheduler.NewCard(at), Rating.Easy, at);
            Assert.Equal(card, scheduler.Review(FsrsScheduler.NewCard(at), Rating.Easy, at));
            Assert.InRange(card.ScheduledDays, 6, 10); // FuzzRange(8, 0)
            seen.Add(card.ScheduledDays);
        }
        Assert.True(seen.Count >= 3, "the fuzz should spread the interval over its range");
    }

    [Theory]
    [InlineData(10, 0, 8, 12)] // delta = 1 + 0.15·4.5 + 0.1·3 = 1.975
    [InlineData(3, 0, 2, 4)]
    [InlineData(30, 40, 27, 33)] // reviewed late: no floor from the elapsed days
    [InlineData(30, 28, 29, 33)] // never shorter than the days already elapsed
    public void Fuzz_range_follows_the_reference_bands(int interval, int elapsed, int min, int max) =>
        Assert.Equal((min, max), NoFuzz.FuzzRange(interval, elapsed));

    [Fact]
    public void The_maximum_interval_caps_the_ideal_interval_and_higher_retention_shortens_it()
    {
        Assert.Equal(100, NoFuzz.IdealInterval(100));
        Assert.Equal(36500, NoFuzz.IdealInterval(1e6));
        Assert.Equal(30, new FsrsScheduler(new FsrsParameters { MaximumInterval = 30 }).IdealInterval(100));
        Assert.True(new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.95 }).IdealInterval(100) < 100);
        Assert.True(new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.8 }).IdealInterval(100) > 100);
    }

    private static readonly FsrsParameters[] Invalid =
    [
        new FsrsParameters { DesiredRetention = 0 },
        new FsrsParameters { DesiredRetention = 1 },
        new FsrsParameters { DesiredRetention = double.NaN },
        new FsrsParameters { Weights = [.. FsrsParameters.DefaultWeights.Take(20)] },
        new FsrsParameters { Weights = [.. FsrsParameters.DefaultWeights.Take(20), double.NaN] },
        new FsrsParameters { MaximumInterval = 0 },
        new FsrsParameters { LearningSteps = [TimeSpan.FromSeconds(30)] },
        new FsrsParameters { RelearningSteps = [TimeSpan.Zero] },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Invalid_settings_are_refused(int which) =>
        Assert.ThrowsAny<ArgumentException>(() => new FsrsScheduler(Invalid[which]));

    [Fact]
    public void A_review_before_the_last_one_is_refused()
    {
        var card = ReviewCard(10, 5, Monday);

        Assert.ThrowsAny<ArgumentException>(() => NoFuzz.Review(card, Rating.Good, Monday.AddMinutes(-1)));
        Assert.ThrowsAny<ArgumentException>(() => NoFuzz.Review(card, (Rating)5, Monday.AddDays(1)));
    }

    private static CardMemory ReviewCard(double stability, double difficulty, DateTimeOffset lastReview) =>
        new(CardPhase.Review, stability, difficulty, lastReview.AddDays(10), lastReview, 0, 5, 0, 10);
}
