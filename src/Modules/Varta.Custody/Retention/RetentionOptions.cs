namespace Varta.Custody.Retention;

/// <summary>How long closed custody records keep their personal data ("Custody:Retention" section).</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Custody:Retention";

    /// <summary>
    /// A record closed this long ago is anonymised: 25 years, as 9132 days (25 × 365.25 rounded up, so never before 25
    /// calendar years). Configured as a TimeSpan, e.g. "9132.00:00:00".
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(9132);

    /// <summary>The longest period a timer takes (2^32 - 2 ms).</summary>
    public static readonly TimeSpan LongestScanInterval = TimeSpan.FromDays(49);

    /// <summary>How often the scheduled job looks for records due (at most <see cref="LongestScanInterval"/>).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether the scheduled job runs; an administrator can still preview and run it by hand.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Records anonymised per batch (one transaction each); a run by hand does one batch, the job as many as are due.</summary>
    public int BatchSize { get; set; } = 100;
}
