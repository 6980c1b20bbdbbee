namespace Varta.Alarms.Dc09;

/// <summary>
/// How far a frame's timestamp may be from the receiver's clock. DC-09 says +20 s (ahead) and −40 s (behind).
/// </summary>
internal readonly record struct Dc09TimestampWindow(TimeSpan MaxAhead, TimeSpan MaxBehind)
{
    public static Dc09TimestampWindow Standard { get; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));

    public bool Contains(DateTimeOffset timestamp, DateTimeOffset now) =>
        timestamp <= now + MaxAhead && timestamp >= now - MaxBehind;
}

internal sealed record Dc09ParseOptions
{
    public static Dc09ParseOptions Default { get; } = new();

    /// <summary>
    /// The AES key (16, 24 or 32 bytes) for a header account, or null when the account has none. Without it an
    /// encrypted frame is <see cref="Dc09Error.Unsupported"/>.
    /// </summary>
    public Func<string, byte[]?>? KeyForAccount { get; init; }

    /// <summary>The receiver's clock. When set, an encrypted frame's timestamp outside <see cref="Window"/> is <see cref="Dc09Error.Timestamp"/>.</summary>
    public DateTimeOffset? Now { get; init; }

    public Dc09TimestampWindow Window { get; init; } = Dc09TimestampWindow.Standard;
}
