namespace Varta.Training.Data;

/// <summary>Times are stored as UTC <see cref="DateTime"/>; the API answers with offsets.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
