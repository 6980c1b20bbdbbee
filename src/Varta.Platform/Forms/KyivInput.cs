using System.Globalization;
using System.Text.RegularExpressions;
using Varta.Platform.Localization;

namespace Varta.Platform.Forms;

/// <summary>What a date or time field can hold.</summary>
public enum WhenKind
{
    /// <summary>A moment: dd.MM.yyyy HH:mm in Kyiv; sent as an ISO 8601 instant with its offset.</summary>
    DateTime,

    /// <summary>A calendar day: dd.MM.yyyy; sent as yyyy-MM-dd.</summary>
    Date,

    /// <summary>A time of day: HH:mm, 24-hour; sent as HH:mm.</summary>
    Time,
}

/// <summary>
/// Dates and times as people type and read them on Varta's pages — dd.MM.yyyy HH:mm, 24-hour, Kyiv time, whatever the
/// browser's language — and as the API carries them (ISO 8601). Typing is forgiving: any non-digit separates the
/// parts ("5.3.2026 9:07", "05,03,2026 09.07"), digits alone work in fixed widths ("050320260907"), and a pasted ISO
/// value is understood. A year always has four digits, so a date of birth is never guessed.
/// </summary>
public static partial class KyivInput
{
    public const string DateTimeFormat = "dd.MM.yyyy HH:mm";
    public const string DateFormat = "dd.MM.yyyy";
    public const string TimeFormat = "HH:mm";

    /// <summary>Why a typed text was not taken.</summary>
    public enum Problem
    {
        None,
        Unreadable,

        /// <summary>A wall-clock time skipped in Kyiv when the clocks went forward.</summary>
        Skipped,
    }

    /// <summary>A value as the API carries it, shown as typed on a page; unreadable values come back as they are.</summary>
    public static string Show(WhenKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        return kind switch
        {
            WhenKind.DateTime when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && HasOffset(value) =>
                KyivTime.ToKyiv(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            WhenKind.DateTime when Read(WhenKind.DateTime, value) is { } local => local.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            WhenKind.Date when Read(WhenKind.Date, value) is { } day => day.ToString(DateFormat, CultureInfo.InvariantCulture),
            WhenKind.Time when Read(WhenKind.Time, value) is { } time => time.ToString(TimeFormat, CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>Typed text as the API carries it; null when empty; <paramref name="problem"/> says why not.</summary>
    public static string? Parse(WhenKind kind, string? text, out Problem problem)
    {
        problem = Problem.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Read(kind, text) is not { } local)
        {
            problem = Problem.Unreadable;
            return null;
        }

        switch (kind)
        {
            case WhenKind.Date:
                return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case WhenKind.Time:
                return local.ToString(TimeFormat, CultureInfo.InvariantCulture);
            default:
                if (KyivTime.Zone.IsInvalidTime(local))
                {
                    problem = Problem.Skipped;
                    return null;
                }

                return new DateTimeOffset(local, KyivTime.Zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A Kyiv instant as typed on a page.</summary>
    public static string Format(DateTimeOffset instant) => KyivTime.ToKyiv(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>The wall-clock value of a text (no zone), or null when it does not read as one.</summary>
    private static DateTime? Read(WhenKind kind, string text)
    {
        // Words ("PM", "вчора") are never guessed at; only an ISO value's 'T' between date and time passes.
        if (text.Trim().Where(char.IsLetter).Any(c => c != 'T'))
        {
            return null;
        }

        var parts = Digits().Matches(text).Select(m => m.Value).ToArray();
        if (parts.Length == 1)
        {
            parts = Split(kind, parts[0]);
        }
        else if (parts.Length == 2 && kind == WhenKind.DateTime && parts[0].Length == 8)
        {
            parts = [.. Split(WhenKind.Date, parts[0]), .. Split(WhenKind.Time, parts[1])];
        }

        // A pasted ISO value starts with the year.
        if (kind != WhenKind.Time && parts.Length >= 3 && parts[0].Length == 4)
        {
            (parts[0], parts[2]) = (parts[2], parts[0]);
        }

        var n = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && p.Length <= 4 ? v : -1).ToArray();
        try
        {
            return kind switch
            {
                WhenKind.Date when n.Length == 3 && parts[2].Length == 4 && parts[0].Length <= 2 && parts[1].Length <= 2 =>
                    new DateTime(n[2], n[1], n[0]),
                WhenKind.Time when n.Length is 2 or 3 && parts.All(p => p.Length <= 2) && n[0] < 24 && n[1] < 60 && (n.Length == 2 || n[2] == 0) =>
                    new DateTime(2000, 1, 1, n[0], n[1], 0),
                WhenKind.DateTime when n.Length is 5 or 6 && parts[2].Length == 4 && parts.Where((_, i) => i != 2).All(p => p.Length <= 2)
                    && n[3] < 24 && n[4] < 60 && (n.Length == 5 || n[5] == 0) =>
                    new DateTime(n[2], n[1], n[0], n[3], n[4], 0),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Digits typed without separators, in the fixed widths of the format.</summary>
    private static string[] Split(WhenKind kind, string digits) => (kind, digits.Length) switch
    {
        (WhenKind.Date, 8) => [digits[..2], digits[2..4], digits[4..]],
        (WhenKind.Time, 4) => [digits[..2], digits[2..]],
        (WhenKind.Time, 3) => [digits[..1], digits[1..]],
        (WhenKind.DateTime, 12) => [digits[..2], digits[2..4], digits[4..8], digits[8..10], digits[10..]],
        _ => [digits],
    };

    private static bool HasOffset(string value) => value.Length > 19 && (value.EndsWith('Z') || value[^6] is '+' or '-');

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
