namespace Varta.Oversight.Data;

/// <summary>The "Oversight" configuration section.</summary>
internal sealed class OversightOptions
{
    /// <summary>How often the rules read new custody facts into the review queue.</summary>
    public TimeSpan QueueScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far before the last fact read each scan reads again, for facts whose transactions committed late.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Rules switched on or off by name (<c>Oversight:Rules:use-of-force=false</c>); a rule not named here keeps its
    /// default (<see cref="Queue.ReviewRules.OnByDefault"/>).
    /// </summary>
    public Dictionary<string, bool> Rules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The longest period a report may cover, in days (both ends included).</summary>
    public int ReportMaxDays { get; set; } = 366;

    /// <summary>
    /// The TrueType font the report charts are drawn with; it must have Cyrillic glyphs (DejaVu Sans: Debian's
    /// fonts-dejavu-core). When the file is missing, the chart library picks a font per label from those it finds.
    /// </summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}
