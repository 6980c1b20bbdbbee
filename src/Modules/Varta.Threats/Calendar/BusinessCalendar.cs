using Microsoft.Extensions.Options;
using Varta.Platform.Localization;
using Varta.Threats.Data;

namespace Varta.Threats.Calendar;

/// <summary>
/// Ukraine's working calendar for the timeliness targets: Monday to Friday are business days, except the public holidays
/// of the Labour Code (art. 73) and, outside martial law, the working day after a holiday that falls on a weekend
/// (art. 67). Under martial law (Law 2136-IX) public holidays are working days. Days named in the configuration are
/// taken off or worked on top of that. Days are Kyiv days.
/// </summary>
internal sealed class BusinessCalendar(IOptions<ThreatsOptions> options)
{
    private BusinessCalendarOptions Settings => options.Value.Calendar;

    /// <summary>The public holidays of a year with their names' text keys, as art. 73 lists them since 2023.</summary>
    public static IReadOnlyList<(DateOnly Day, string Key)> PublicHolidays(int year)
    {
        var easter = OrthodoxEaster(year);
        return
        [
            (new DateOnly(year, 1, 1), "new-year"),
            (new DateOnly(year, 3, 8), "womens-day"),
            (easter, "easter"),
            (new DateOnly(year, 5, 1), "labour-day"),
            (new DateOnly(year, 5, 8), "remembrance-victory-day"),
            (easter.AddDays(49), "trinity"),
            (new DateOnly(year, 6, 28), "constitution-day"),
            (new DateOnly(year, 7, 15), "statehood-day"),
            (new DateOnly(year, 8, 24), "independence-day"),
            (new DateOnly(year, 10, 1), "defenders-day"),
            (new DateOnly(year, 12, 25), "christmas"),
        ];
    }

    /// <summary>
    /// Easter by the Julian computus (Meeus), as a Gregorian date: the Julian calendar runs 13 days behind from 1900 to
    /// 2099, the only years Varta accepts.
    /// </summary>
    public static DateOnly OrthodoxEaster(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = (19 * c + 15) % 30;
        var e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        return new DateOnly(year, month, day).AddDays(13);
    }

    /// <summary>Why a day is not a business day: "weekend", "holiday", "holiday-moved", "configured", or null for a business day.</summary>
    public string? DayOffReason(DateOnly day)
    {
        var s = Settings;
        if (s.ExtraWorkingDays.Contains(day))
        {
            return null;
        }

        if (s.ExtraDaysOff.Contains(day))
        {
            return "configured";
        }

        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return "weekend";
        }

        if (s.MartialLaw)
        {
            return null;
        }

        var holidays = PublicHolidays(day.Year).Select(h => h.Day).ToHashSet();
        if (holidays.Contains(day))
        {
            return "holiday";
        }

        // Art. 67: a holiday on a Saturday or Sunday moves to the next working day (a Monday, or Tuesday after two).
        foreach (var h in holidays.Concat(PublicHolidays(day.Year - 1).Select(x => x.Day)).Where(h => h.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            var moved = h.AddDays(1);
            while (moved.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (holidays.Contains(moved) && moved != h))
            {
                moved = moved.AddDays(1);
            }

            if (moved == day)
            {
                return "holiday-moved";
            }
        }

        return null;
    }

    public bool IsBusinessDay(DateOnly day) => DayOffReason(day) is null;

    /// <summary>
    /// The end of the <paramref name="days"/>-th business day after the Kyiv day of <paramref name="from"/> (the day
    /// itself does not count): a case opened on a Friday afternoon with 3 business days is due at the end of Wednesday.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        var day = KyivTime.DayOf(from);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
            {
                counted++;
            }
        }

        return KyivTime.StartOf(day.AddDays(1));
    }

    /// <summary>When a case of this priority, opened then, must have an assessment that counts.</summary>
    public DateTimeOffset DueAt(string priority, DateTimeOffset openedAt) => priority switch
    {
        Priorities.Imminent => openedAt + options.Value.ImminentTarget,
        Priorities.Expedited => AddBusinessDays(openedAt, options.Value.ExpeditedBusinessDays),
        _ => AddBusinessDays(openedAt, options.Value.StandardBusinessDays),
    };
}
