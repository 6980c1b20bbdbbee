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

    public static string Format(DateTime utc) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
