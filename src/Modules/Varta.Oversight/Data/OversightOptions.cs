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

    /// <summary>The longest a grant to an outside body may run.</summary>
    public TimeSpan MaxGrantLength { get; set; } = TimeSpan.FromDays(366);

    /// <summary>How long after release or transfer a grantee still finds a record in their list.</summary>
    public TimeSpan GrantRecentlyClosed { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long footage is kept, so how far back a footage request may reach (video surveillance in detention facilities).</summary>
    public TimeSpan FootageRetention { get; set; } = TimeSpan.FromDays(30);
    /// <summary>The longest period a report may cover, in days (both ends included).</summary>
    public int ReportMaxDays { get; set; } = 366;

    /// <summary>
    /// The TrueType font the report charts are drawn with; it must have Cyrillic glyphs (DejaVu Sans: Debian's
    /// fonts-dejavu-core). When the file is missing, the chart library picks a font per label from those it finds.
    /// </summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}
