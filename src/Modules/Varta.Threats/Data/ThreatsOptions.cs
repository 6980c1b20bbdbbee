namespace Varta.Threats.Data;

/// <summary>The "Threats" configuration section.</summary>
internal sealed class ThreatsOptions
{
    /// <summary>An imminent case must have an assessment that counts within this time of opening (wall-clock hours).</summary>
    public TimeSpan ImminentTarget { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Business days for an expedited case's assessment (the Marshals' 3-day standard).</summary>
    public int ExpeditedBusinessDays { get; set; } = 3;

    /// <summary>Business days for a standard case's assessment (the 7-day standard).</summary>
    public int StandardBusinessDays { get; set; } = 7;

    /// <summary>After an imminent risk is assessed, measures must have started within this time.</summary>
    public TimeSpan ImminentMeasuresWithin { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The largest attachment accepted, in bytes.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most attachments one report may carry.</summary>
    public int MaxAttachments { get; set; } = 5;

    public BusinessCalendarOptions Calendar { get; set; } = new();
}

/// <summary>
/// Which days count as business days: Monday to Friday, less Ukraine's public holidays (Labour Code art. 73) unless
/// martial law is in force (then public holidays are working days: Law 2136-IX), less or plus days named here.
/// </summary>
internal sealed class BusinessCalendarOptions
{
    /// <summary>Under martial law public holidays are not days off, and a holiday on a weekend moves nothing.</summary>
    public bool MartialLaw { get; set; } = true;

    /// <summary>Further days off (yyyy-MM-dd), for example a day declared off by the Cabinet of Ministers.</summary>
    public List<DateOnly> ExtraDaysOff { get; set; } = [];

    /// <summary>Weekend days worked instead (yyyy-MM-dd), for example a Saturday that replaces a bridging day.</summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];
}
