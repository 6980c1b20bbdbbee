using System.Globalization;

namespace Varta.Platform.Localization;

/// <summary>Instants are stored in UTC and shown in Europe/Kyiv.</summary>
public static class KyivTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    public static DateTimeOffset ToKyiv(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>dd.MM.yyyy HH:mm, 24-hour, in either language: the way Varta's pages show and take a moment.</summary>
    public static string Format(DateTimeOffset instant) =>
        ToKyiv(instant).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The Kyiv calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToKyiv(instant).DateTime);

    /// <summary>Midnight at the start of a Kyiv day, as an instant (Kyiv moves its clocks at 03:00 and 04:00, never at midnight).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static string Format(DateTime utc) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
