using Microsoft.Extensions.Options;
using Varta.Threats.Calendar;
using Varta.Threats.Data;

namespace Varta.Threats.Tests;

/// <summary>
/// Issue 14, timeliness: Ukraine's working calendar (Labour Code art. 73 holidays, Orthodox Easter and Trinity, art. 67
/// moved holidays), switched by martial law, with days off and working days named in the configuration.
/// </summary>
public sealed class CalendarTests
{
    private static BusinessCalendar Calendar(bool martialLaw = true, DateOnly[]? daysOff = null, DateOnly[]? workingDays = null) =>
        new(Options.Create(new ThreatsOptions
        {
            Calendar = new BusinessCalendarOptions { MartialLaw = martialLaw, ExtraDaysOff = [.. daysOff ?? []], ExtraWorkingDays = [.. workingDays ?? []] },
        }));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2024, 5, 5)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    [InlineData(2027, 5, 2)]
    [InlineData(2023, 4, 16)]
    public void Orthodox_Easter_falls_on_the_known_Sunday(int year, int month, int day)
    {
        var easter = BusinessCalendar.OrthodoxEaster(year);
        Assert.Equal(D(year, month, day), easter);
        Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
        Assert.Contains(BusinessCalendar.PublicHolidays(year), h => h.Day == easter && h.Key == "easter");
        Assert.Contains(BusinessCalendar.PublicHolidays(year), h => h.Day == easter.AddDays(49) && h.Key == "trinity");
    }

    [Fact]
    public void Under_martial_law_a_public_holiday_on_a_weekday_is_a_business_day()
    {
        var calendar = Calendar(martialLaw: true);
        Assert.Equal(DayOfWeek.Friday, D(2026, 12, 25).DayOfWeek);
        Assert.True(calendar.IsBusinessDay(D(2026, 12, 25)));
        Assert.True(calendar.IsBusinessDay(D(2025, 8, 25)));   // the Monday after Independence Day on a Sunday: nothing moves
        Assert.True(calendar.IsBusinessDay(D(2025, 6, 30)));   // nor after Constitution Day on a Saturday
        Assert.Equal("weekend", calendar.DayOffReason(D(2026, 12, 26)));
    }

    [Fact]
    public void Without_martial_law_a_holiday_is_a_day_off_and_one_on_a_weekend_moves_to_the_Monday()
    {
        var calendar = Calendar(martialLaw: false);
        Assert.Equal("holiday", calendar.DayOffReason(D(2026, 12, 25)));
        Assert.Equal("holiday", calendar.DayOffReason(D(2026, 1, 1)));
        Assert.Equal("holiday", calendar.DayOffReason(D(2026, 10, 1)));
        Assert.True(calendar.IsBusinessDay(D(2026, 12, 24)));

        // Constitution Day 2025 was a Saturday, Independence Day 2025 a Sunday, Easter and Trinity always are.
        Assert.Equal(DayOfWeek.Saturday, D(2025, 6, 28).DayOfWeek);
        Assert.Equal("weekend", calendar.DayOffReason(D(2025, 6, 28)));
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2025, 6, 30)));
        Assert.True(calendar.IsBusinessDay(D(2025, 7, 1)));
        Assert.Equal(DayOfWeek.Sunday, D(2025, 8, 24).DayOfWeek);
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2025, 8, 25)));
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2025, 4, 21)));
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2025, 6, 9)));

        // Christmas 2027 is a Saturday: the day off is Monday the 27th. New Year 2028 is a Saturday: Monday 3 January.
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2027, 12, 27)));
        Assert.Equal(DayOfWeek.Saturday, D(2028, 1, 1).DayOfWeek);
        Assert.Equal("holiday-moved", calendar.DayOffReason(D(2028, 1, 3)));
        Assert.True(calendar.IsBusinessDay(D(2028, 1, 4)));
    }

    [Fact]
    public void Days_named_in_the_configuration_are_taken_off_or_worked()
    {
        var calendar = Calendar(martialLaw: true, daysOff: [D(2026, 12, 31)], workingDays: [D(2026, 12, 26)]);
        Assert.Equal("configured", calendar.DayOffReason(D(2026, 12, 31)));
        Assert.Null(calendar.DayOffReason(D(2026, 12, 26)));     // a Saturday worked
        Assert.Equal("weekend", calendar.DayOffReason(D(2026, 12, 27)));

        // A working day named wins over a holiday without martial law too.
        var peace = Calendar(martialLaw: false, workingDays: [D(2026, 12, 25)]);
        Assert.True(peace.IsBusinessDay(D(2026, 12, 25)));
    }

    [Fact]
    public void Business_days_skip_the_weekend_and_end_at_Kyiv_midnight()
    {
        var calendar = Calendar();

        // Friday 27 November 2026, 15:00 in Kyiv (UTC+2): three business days are Monday to Wednesday, due at the end of Wednesday.
        var friday = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero), calendar.AddBusinessDays(friday, 3));

        // 23:30 UTC on Thursday is already Friday in Kyiv: the count starts from Friday, not Thursday.
        var lateThursday = new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 22, 0, 0, TimeSpan.Zero), calendar.AddBusinessDays(lateThursday, 3));

        // In summer Kyiv is UTC+3: midnight is 21:00 UTC.
        var summerFriday = new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 7, 8, 21, 0, 0, TimeSpan.Zero), calendar.AddBusinessDays(summerFriday, 3));
    }

    [Fact]
    public void Business_days_skip_a_holiday_only_without_martial_law()
    {
        var thursday = new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(2));

        // Martial law: Christmas (Friday) is worked, so Friday, Monday, Tuesday.
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 22, 0, 0, TimeSpan.Zero), Calendar(martialLaw: true).AddBusinessDays(thursday, 3));

        // Peace: Monday, Tuesday, Wednesday.
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 22, 0, 0, TimeSpan.Zero), Calendar(martialLaw: false).AddBusinessDays(thursday, 3));

        // Peace, over a moved holiday: Friday 27 June 2025, then Monday 30 June is Constitution Day's day off.
        var beforeMoved = new DateTimeOffset(2025, 6, 27, 12, 0, 0, TimeSpan.FromHours(3));
        Assert.Equal(new DateTimeOffset(2025, 7, 3, 21, 0, 0, TimeSpan.Zero), Calendar(martialLaw: false).AddBusinessDays(beforeMoved, 3));
        Assert.Equal(new DateTimeOffset(2025, 7, 2, 21, 0, 0, TimeSpan.Zero), Calendar(martialLaw: true).AddBusinessDays(beforeMoved, 3));
    }

    [Fact]
    public void Due_times_follow_the_priority()
    {
        var calendar = new BusinessCalendar(Options.Create(new ThreatsOptions { ImminentTarget = TimeSpan.FromHours(6), StandardBusinessDays = 7 }));
        var opened = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero); // Thursday 10:00 in Kyiv
        Assert.Equal(opened.AddHours(6), calendar.DueAt("imminent", opened));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), calendar.DueAt("expedited", opened)); // Fri, Mon, Tue
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero), calendar.DueAt("standard", opened));  // ... Mon 7 December
    }
}
