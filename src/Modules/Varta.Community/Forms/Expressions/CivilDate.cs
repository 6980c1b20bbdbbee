namespace Varta.Community.Forms.Expressions;

/// <summary>Dates as ODK stores them (yyyy-MM-dd, years 0001–9999) and as day numbers since 1970-01-01.</summary>
internal static class CivilDate
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static int MinDay { get; } = DateOnly.MinValue.DayNumber - Epoch;

    public static int MaxDay { get; } = DateOnly.MaxValue.DayNumber - Epoch;

    /// <summary>Strict: exactly four, two and two digits with hyphens, and a real calendar day.</summary>
    public static bool TryParse(string text, out int day)
    {
        day = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }
        for (var i = 0; i < 10; i++)
        {
            if (i is not (4 or 7) && !XPathNumber.IsDigit(text[i]))
            {
                return false;
            }
        }
        var year = Number(text, 0, 4);
        var month = Number(text, 5, 2);
        var dayOfMonth = Number(text, 8, 2);
        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        day = ToDay(new DateOnly(year, month, dayOfMonth));
        return true;
    }

    public static bool IsDate(string text) => TryParse(text, out _);

    public static int ToDay(DateOnly date) => date.DayNumber - Epoch;

    public static string Format(int day) => DateOnly.FromDayNumber(day + Epoch).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }
}
