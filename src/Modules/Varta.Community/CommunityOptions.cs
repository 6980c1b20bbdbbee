namespace Varta.Community;

/// <summary>Settings of the Community module (configuration section "Community").</summary>
internal sealed class CommunityOptions
{
    /// <summary>A result cell resting on fewer respondents than this is suppressed (and any cell that would reveal it).</summary>
    public int MinimumCellCount { get; set; } = 10;
}
