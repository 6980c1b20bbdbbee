namespace Varta.Training.Scheduling;

/// <summary>
/// Settings of the FSRS-6 scheduler. The defaults are those of the reference implementation (ts-fsrs 5),
/// except fuzz, which is on here and off there. Values are checked when a <see cref="FsrsScheduler"/> is made.
/// </summary>
internal sealed record FsrsParameters
{
    /// <summary>The 21 weights w0..w20. Out-of-range weights are clipped the way the reference clips them.</summary>
    public double[] Weights { get; init; } = DefaultWeights;

    /// <summary>Recall probability the intervals aim at, strictly between 0 and 1.</summary>
    public double DesiredRetention { get; init; } = 0.9;

    /// <summary>Longest interval in days (at least 1).</summary>
    public int MaximumInterval { get; init; } = 36500;

    /// <summary>Steps of a new card, in whole minutes; empty sends a new card straight to day intervals.</summary>
    public TimeSpan[] LearningSteps { get; init; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>Steps after a lapse, in whole minutes; empty keeps a lapsed card on day intervals.</summary>
    public TimeSpan[] RelearningSteps { get; init; } = [TimeSpan.FromMinutes(10)];

    /// <summary>Spread intervals of 3 days and more a little, so cards learnt together do not stay together.</summary>
    public bool EnableFuzz { get; init; } = true;

    /// <summary>Same-day reviews change stability (learning steps); off, every review schedules whole days.</summary>
    public bool EnableShortTerm { get; init; } = true;

    /// <summary>FSRS-6's default weights (a fresh copy on every read).</summary>
    public static double[] DefaultWeights =>
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
}
