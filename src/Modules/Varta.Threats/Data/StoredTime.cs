namespace Varta.Threats.Data;

/// <summary>Instants as stored (UTC <see cref="DateTime"/> columns) back to <see cref="DateTimeOffset"/>.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
