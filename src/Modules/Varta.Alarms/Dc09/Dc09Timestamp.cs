using System.Globalization;

namespace Varta.Alarms.Dc09;

/// <summary>The DC-09 timestamp: "_HH:MM:SS,MM-DD-YYYY", always UTC, whole seconds.</summary>
internal static class Dc09Timestamp
{
    /// <summary>Length of the text after the underscore.</summary>
    public const int TextLength = 19;

    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"_{utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2},{utc.Month:D2}-{utc.Day:D2}-{utc.Year:D4}");
    }

    /// <summary>Parses the 19 characters after the underscore; strict, so that parse then format gives back the same text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length != TextLength || text[2] != ':' || text[5] != ':' || text[8] != ','
            || text[11] != '-' || text[14] != '-')
        {
            return false;
        }

        if (!TryDigits(text[..2], out var hour) || !TryDigits(text[3..5], out var minute)
            || !TryDigits(text[6..8], out var second) || !TryDigits(text[9..11], out var month)
            || !TryDigits(text[12..14], out var day) || !TryDigits(text[15..19], out var year))
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59 || month is < 1 or > 12 || year < 1
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
