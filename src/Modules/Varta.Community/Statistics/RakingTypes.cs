namespace Varta.Community.Statistics;

/// <summary>
/// One control margin: the category of each respondent on this variable (e.g. sex) and the population
/// total per category. To rake within hromadas, either rake each hromada separately or make the category
/// carry the hromada (e.g. "UA…|female").
/// </summary>
internal sealed record RakingMargin<TCategory>(
    string Name,
    IReadOnlyList<TCategory> RespondentCategories,
    IReadOnlyDictionary<TCategory, double> PopulationTotals)
    where TCategory : notnull;

internal sealed record RakingOptions
{
    /// <summary>Stop when every margin category is within this relative error of its population total.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Cap on full sweeps over all margins, per raking run (a run is repeated after each trimming).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>When set (k &gt; 1), weights above k × mean weight are trimmed to it and the sample re-raked.</summary>
    public double? TrimRatio { get; init; }

    /// <summary>Cap on trim-then-rake rounds (each round gets closer to the cap geometrically; a cap slack of Tolerance can take a dozen or more).</summary>
    public int MaxTrimmingRounds { get; init; } = 100;

    /// <summary>Starting (design) weights, one per respondent, all positive; 1 when absent.</summary>
    public IReadOnlyList<double>? StartWeights { get; init; }
}

internal enum RakingStatus
{
    /// <summary>Every margin is met within the tolerance.</summary>
    Converged,

    /// <summary>The iteration cap was reached first; the weights are the last iterate.</summary>
    NotConverged,

    /// <summary>The margins cannot be met by any weights; see the issues. No weights are returned.</summary>
    InvalidMargins,
}

internal enum RakingIssueKind
{
    /// <summary>Respondents fall in a category whose population total is zero or missing.</summary>
    RespondentsWithoutPopulation,

    /// <summary>A category has a positive population total but no respondent.</summary>
    PopulationWithoutRespondents,
}

internal sealed record RakingIssue<TCategory>(
    string Margin,
    TCategory Category,
    RakingIssueKind Kind,
    int Respondents,
    double PopulationTotal)
    where TCategory : notnull;

/// <summary>
/// The outcome of raking. <see cref="MaxRelativeMarginError"/> is max over margins and categories of
/// |Σ w − T| / T for the returned weights, and null when the margins were invalid.
/// </summary>
internal sealed record RakingResult<TCategory>(
    RakingStatus Status,
    IReadOnlyList<double> Weights,
    int Iterations,
    double? MaxRelativeMarginError,
    int TrimmingRounds,
    double? MaxWeightToMeanRatio,
    bool WithinTrimCap,
    IReadOnlyList<RakingIssue<TCategory>> Issues,
    IReadOnlyList<string> MarginsWithDifferentTotal)
    where TCategory : notnull
{
    public bool Converged => Status == RakingStatus.Converged;
}
