using System.Globalization;

namespace Varta.Platform.Localization;

/// <summary>Instants are stored in UTC and shown in Europe/Kyiv.</summary>
public static class KyivTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    public static DateTimeOffset ToKyiv(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) =>
        ToKyiv(instant).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTime utc) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
