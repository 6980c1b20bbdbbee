using Varta.Platform.Localization;
using Varta.Training.Scheduling;

namespace Varta.Training.Tests.Scheduling;

public sealed class ReviewLoadTests
{
    private static readonly TimeZoneInfo Kyiv = KyivTime.Zone;
    private static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly FsrsScheduler Fuzzy = new(new FsrsParameters());

    // Reviewed on Monday 2 June 2025, 09:00 in Kyiv; stability 30 days, so the ideal interval is 30 days (Wednesday
    // 2 July) and the fuzz range, 20 days after the previous review, 27..33 days (Sunday 29 June to Saturday 5 July).
    private static readonly DateTimeOffset ReviewedAt = KyivAt(2025, 6, 2, 9);

    [Fact]
    public void With_room_everywhere_the_card_goes_to_the_ideal_day_at_the_same_time()
    {
        var (previous, reviewed) = Cards(ReviewedAt, stability: 30, days: 32);

        var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, new WorkPattern(MondayToFriday, 5), Kyiv, _ => 0);

        Assert.Equal(KyivAt(2025, 7, 2, 9), placed.Due);
        Assert.Equal(30, placed.ScheduledDays);
        Assert.Equal(reviewed with { Due = placed.Due, ScheduledDays = 30 }, placed);
    }

    [Fact]
    public void A_full_day_gives_way_to_the_nearest_working_day_with_room()
    {
        var (previous, reviewed) = Cards(ReviewedAt, 30, 30);
        var pattern = new WorkPattern(MondayToFriday, 5);

        var later = ReviewLoad.Place(Fuzzy, previous, reviewed, pattern, Kyiv, Load(("2025-07-01", 5), ("2025-07-02", 5), ("2025-07-03", 4)));
        var earlier = ReviewLoad.Place(Fuzzy, previous, reviewed, pattern, Kyiv, Load(("2025-07-01", 4), ("2025-07-02", 6), ("2025-07-03", 4)));

        Assert.Equal(KyivAt(2025, 7, 3, 9), later.Due);
        Assert.Equal(31, later.ScheduledDays);
        Assert.Equal(KyivAt(2025, 7, 1, 9), earlier.Due); // as near as 3 July, and earlier
    }

    [Fact]
    public void Weekends_and_days_off_are_never_chosen_while_a_working_day_is_in_range()
    {
        var (previous, reviewed) = Cards(ReviewedAt, 30, 30);
        var pattern = new WorkPattern(MondayToFriday, 5) { DaysOff = new HashSet<DateOnly> { new(2025, 7, 1), new(2025, 7, 2), new(2025, 7, 3) } };

        var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, pattern, Kyiv, _ => 0);

        // Left: Monday 30 June and Friday 4 July, both two days away; Sunday 29 June and Saturday 5 July are off.
        Assert.Equal(KyivAt(2025, 6, 30, 9), placed.Due);
    }

    [Fact]
    public void With_no_room_in_range_the_least_loaded_working_day_is_taken()
    {
        var (previous, reviewed) = Cards(ReviewedAt, 30, 30);
        var load = Load(("2025-06-29", 0), ("2025-06-30", 9), ("2025-07-01", 8), ("2025-07-02", 8), ("2025-07-03", 7), ("2025-07-04", 12), ("2025-07-05", 0));

        var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, new WorkPattern(MondayToFriday, 5), Kyiv, load);

        Assert.Equal(KyivAt(2025, 7, 3, 9), placed.Due);
    }

    [Fact]
    public void With_no_working_day_in_range_the_ideal_day_is_kept()
    {
        var (previous, reviewed) = Cards(ReviewedAt, 30, 32);

        var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, WorkPattern.OnDates([new(2025, 8, 1)], 5), Kyiv, _ => 0);

        Assert.Equal(KyivAt(2025, 7, 2, 9), placed.Due);
    }

    [Fact]
    public void Without_fuzz_the_range_is_five_percent_either_side()
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { EnableFuzz = false });
        var (previous, reviewed) = Cards(ReviewedAt, 40, 40); // ideal Saturday 12 July, range 10..14 July
        var pattern = new WorkPattern(MondayToFriday, 5);

        var free = ReviewLoad.Place(scheduler, previous, reviewed, pattern, Kyiv, _ => 0);
        var busy = ReviewLoad.Place(scheduler, previous, reviewed, pattern, Kyiv, date => date == new DateOnly(2025, 7, 15) ? 0 : 5);

        Assert.Equal(KyivAt(2025, 7, 11, 9), free.Due);
        Assert.InRange(busy.ScheduledDays, 38, 42); // the free 15 July lies outside the range
    }

    [Fact]
    public void The_maximum_interval_is_never_passed()
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { MaximumInterval = 30 });
        // The scheduler may give Good one day more than Hard even at the maximum; the placement pulls it back.
        var (previous, reviewed) = Cards(ReviewedAt, 100, 31);

        var placed = ReviewLoad.Place(scheduler, previous, reviewed, new WorkPattern(MondayToFriday, 5), Kyiv, _ => 0);

        Assert.Equal(30, placed.ScheduledDays);
        Assert.Equal(KyivAt(2025, 7, 2, 9), placed.Due);
    }

    [Fact]
    public void The_time_of_day_is_kept_across_a_clock_change()
    {
        // 3 March (winter time) + 31 × 24 h lands at 10:00 summer time on 3 April; the ideal day is 2 April.
        var (previous, reviewed) = Cards(KyivAt(2025, 3, 3, 9), 30, 31);

        var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, new WorkPattern(MondayToFriday, 5), Kyiv, _ => 0);

        Assert.Equal(KyivAt(2025, 4, 2, 10), placed.Due);
    }

    [Fact]
    public void Cards_in_steps_or_on_short_intervals_are_left_alone()
    {
        var (previous, reviewed) = Cards(ReviewedAt, 30, 30);
        var learning = reviewed with { Phase = CardPhase.Learning, ScheduledDays = 0, Due = ReviewedAt.AddMinutes(10) };
        var oneDay = reviewed with { ScheduledDays = 1, Due = ReviewedAt.AddDays(1) };
        var pattern = new WorkPattern([DayOfWeek.Sunday], 1);

        Assert.Equal(learning, ReviewLoad.Place(Fuzzy, previous, learning, pattern, Kyiv, _ => 99));
        Assert.Equal(oneDay, ReviewLoad.Place(Fuzzy, previous, oneDay, pattern, Kyiv, _ => 99));
    }

    [Fact]
    public void Random_placements_stay_in_range_and_under_the_limit_whenever_a_working_day_has_room()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var limit = random.Next(1, 6);
            var weekdays = Enum.GetValues<DayOfWeek>().Where(_ => random.NextDouble() < 0.4).ToArray();
            var pattern = new WorkPattern(weekdays, limit);
            var loads = new Dictionary<DateOnly, int>();
            int PlannedLoad(DateOnly date) => loads.TryGetValue(date, out var n) ? n : loads[date] = random.Next(0, limit + 2);
            var at = ReviewedAt.AddDays(random.Next(0, 400)).AddMinutes(random.Next(0, 1440));
            var stability = 3 + (random.NextDouble() * 400);
            var elapsed = random.Next(0, 60);
            var (min, max) = Fuzzy.FuzzRange(Fuzzy.IdealInterval(stability), elapsed);
            var (previous, reviewed) = Cards(at, stability, random.Next(min, max + 1), elapsed);

            var placed = ReviewLoad.Place(Fuzzy, previous, reviewed, pattern, Kyiv, PlannedLoad);

            Assert.InRange(placed.ScheduledDays, min, max);
            var firstDay = DayOf(reviewed.Due).AddDays(-reviewed.ScheduledDays);
            var candidates = Enumerable.Range(min, max - min + 1).Select(firstDay.AddDays).Where(pattern.IsWorkingDay).ToList();
            var day = DayOf(placed.Due);
            Assert.Equal(firstDay.AddDays(placed.ScheduledDays), day);
            if (candidates.Any(date => PlannedLoad(date) < limit))
            {
                Assert.True(pattern.IsWorkingDay(day) && PlannedLoad(day) < limit, $"case {i}: {day} is not a working day with room");
            }
            else if (candidates.Count > 0)
            {
                Assert.Equal(candidates.Min(PlannedLoad), PlannedLoad(day));
            }
            else
            {
                Assert.Equal(Math.Clamp(Fuzzy.IdealInterval(stability), min, max), placed.ScheduledDays);
            }
            Assert.Equal(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(reviewed.Due, Kyiv).DateTime), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(placed.Due, Kyiv).DateTime));
        }
    }

    [Fact]
    public void The_forecast_carries_overdue_days_off_and_over_the_limit_cards_to_the_next_working_day()
    {
        // Works Monday, Tuesday, Thursday and Friday, 3 reviews a day, but not Thursday 6 March.
        var pattern = new WorkPattern([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday], 3)
        {
            DaysOff = new HashSet<DateOnly> { new(2025, 3, 6) },
        };
        DateOnly[] due =
        [
            new(2025, 2, 28), new(2025, 2, 28), // overdue
            new(2025, 3, 3), new(2025, 3, 3),
            new(2025, 3, 4),
            new(2025, 3, 5), new(2025, 3, 5), new(2025, 3, 5), new(2025, 3, 5),
            new(2025, 3, 6),
            new(2025, 3, 8), new(2025, 3, 8),
            new(2025, 3, 10),
            new(2025, 4, 30), // beyond the horizon
        ];

        var forecast = ReviewLoad.Forecast(due, new DateOnly(2025, 3, 3), pattern, days: 8);

        // By hand: waiting = carried + due; a working day takes min(waiting, 3).
        DayForecast[] expected =
        [
            new(new(2025, 3, 3), true, 2, 3, 1),   // 2 overdue + 2 due = 4
            new(new(2025, 3, 4), true, 1, 2, 0),   // 1 + 1
            new(new(2025, 3, 5), false, 4, 0, 4),  // Wednesday is not worked
            new(new(2025, 3, 6), false, 1, 0, 5),  // day off
            new(new(2025, 3, 7), true, 0, 3, 2),
            new(new(2025, 3, 8), false, 2, 0, 4),
            new(new(2025, 3, 9), false, 0, 0, 4),
            new(new(2025, 3, 10), true, 1, 3, 2),
        ];
        Assert.Equal(expected, forecast);
    }

    [Fact]
    public void A_roster_of_dates_is_a_pattern_too_and_the_horizon_must_be_a_day_or_more()
    {
        var pattern = WorkPattern.OnDates([new(2025, 3, 4), new(2025, 3, 7)], 10);

        var forecast = ReviewLoad.Forecast([new(2025, 3, 3), new(2025, 3, 5)], new DateOnly(2025, 3, 3), pattern, days: 5);

        Assert.Equal([0, 1, 0, 0, 1], forecast.Select(day => day.ToReview));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewLoad.Forecast([], new DateOnly(2025, 3, 3), pattern, days: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkPattern(MondayToFriday, 0));
    }

    private static (CardMemory Previous, CardMemory Reviewed) Cards(DateTimeOffset at, double stability, int days, int elapsed = 20)
    {
        var previous = new CardMemory(CardPhase.Review, stability / 2, 5, at, at.AddDays(-elapsed), 0, 4, 0, elapsed);
        var reviewed = new CardMemory(CardPhase.Review, stability, 5, at.AddDays(days), at, 0, 5, 0, days);
        return (previous, reviewed);
    }

    private static Func<DateOnly, int> Load(params (string Date, int Count)[] loads)
    {
        var byDate = loads.ToDictionary(load => DateOnly.Parse(load.Date, System.Globalization.CultureInfo.InvariantCulture), load => load.Count);
        return date => byDate.GetValueOrDefault(date);
    }

    private static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Kyiv).DateTime);

    private static DateTimeOffset KyivAt(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Kyiv.GetUtcOffset(local));
    }
}
