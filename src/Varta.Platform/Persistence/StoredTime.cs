namespace Varta.Platform.Persistence;

/// <summary>Instants as stored (UTC <see cref="DateTime"/> columns) back to <see cref="DateTimeOffset"/>, as the API answers.</summary>
public static class StoredTime
{
    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
