namespace Varta.Community.Statistics;

internal enum SuppressionReason
{
    None,

    /// <summary>An inner cell counting 1 … k−1 respondents (or 0, when zeros are treated as sensitive).</summary>
    Primary,

    /// <summary>A row, column or grand total counting 1 … k−1 respondents.</summary>
    TotalBelowThreshold,

    /// <summary>Hidden so that a primary cell cannot be worked out from the published figures.</summary>
    Secondary,
}

internal sealed record SuppressionOptions
{
    /// <summary>k: counts of 1 … k−1 are hidden.</summary>
    public int Threshold { get; init; } = 10;

    /// <summary>
    /// Off by default: a zero describes no respondent, so it is published (as most statistical offices
    /// do). Turn on where "nobody in this hromada answered X" is itself sensitive (group disclosure).
    /// </summary>
    public bool ZerosAreSensitive { get; init; }
}
