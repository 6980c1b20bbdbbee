using Varta.Platform.Forms;
using Varta.Platform.Localization;

namespace Varta.Platform.Tests;

/// <summary>Dates and times as typed on pages: dd.MM.yyyy HH:mm, 24-hour, Kyiv time, whatever the browser's language.</summary>
public sealed class KyivInputTests
{
    [Theory]
    [InlineData("26.11.2026 14:30", "2026-11-26T14:30:00+02:00")]
    [InlineData("5.3.2026 9:07", "2026-03-05T09:07:00+02:00")]
    [InlineData("05,03,2026 09.07", "2026-03-05T09:07:00+02:00")]
    [InlineData("050320260907", "2026-03-05T09:07:00+02:00")]
    [InlineData("05032026 0907", "2026-03-05T09:07:00+02:00")]
    [InlineData("01.07.2026 23:59", "2026-07-01T23:59:00+03:00")]
    [InlineData("2026-11-26T14:30", "2026-11-26T14:30:00+02:00")]
    public void A_typed_moment_is_read_as_Kyiv_time(string typed, string sent)
    {
        Assert.Equal(sent, KyivInput.Parse(WhenKind.DateTime, typed, out var problem));
        Assert.Equal(KyivInput.Problem.None, problem);
    }

    [Theory]
    [InlineData("11/26/2026 2:30 PM")]
    [InlineData("26.11.2026 2:30 PM")]
    [InlineData("26.11.26 14:30")]
    [InlineData("31.02.2026 10:00")]
    [InlineData("26.11.2026 24:00")]
    [InlineData("26.11.2026")]
    [InlineData("вчора")]
    public void Text_that_is_not_a_moment_is_refused(string typed)
    {
        Assert.Null(KyivInput.Parse(WhenKind.DateTime, typed, out var problem));
        Assert.Equal(KyivInput.Problem.Unreadable, problem);
    }

    [Fact]
    public void A_time_skipped_when_the_clocks_go_forward_is_refused_as_such()
    {
        // Kyiv moves from 03:00 to 04:00 on the last Sunday of March.
        Assert.Null(KyivInput.Parse(WhenKind.DateTime, "29.03.2026 03:30", out var problem));
        Assert.Equal(KyivInput.Problem.Skipped, problem);
    }

    [Theory]
    [InlineData("9.4.1991", "1991-04-09")]
    [InlineData("09041991", "1991-04-09")]
    [InlineData("1991-04-09", "1991-04-09")]
    public void A_typed_date_is_read_day_first(string typed, string sent) =>
        Assert.Equal(sent, KyivInput.Parse(WhenKind.Date, typed, out _));

    [Theory]
    [InlineData("18:00", "18:00")]
    [InlineData("9.05", "09:05")]
    [InlineData("930", "09:30")]
    [InlineData("2359", "23:59")]
    public void A_typed_time_is_24_hour(string typed, string sent) =>
        Assert.Equal(sent, KyivInput.Parse(WhenKind.Time, typed, out _));

    [Fact]
    public void Empty_is_no_value_and_no_problem()
    {
        Assert.Null(KyivInput.Parse(WhenKind.DateTime, "  ", out var problem));
        Assert.Equal(KyivInput.Problem.None, problem);
    }

    [Fact]
    public void Values_are_shown_as_typed_without_seconds_in_Kyiv_time()
    {
        Assert.Equal("26.11.2026 14:30", KyivInput.Show(WhenKind.DateTime, "2026-11-26T12:30:45Z"));
        Assert.Equal("09.04.1991", KyivInput.Show(WhenKind.Date, "1991-04-09"));
        Assert.Equal("18:00", KyivInput.Show(WhenKind.Time, "18:00:00"));
        Assert.Equal("26.11.2026 14:30", KyivTime.Format(new DateTimeOffset(2026, 11, 26, 12, 30, 45, TimeSpan.Zero)));
    }
}
