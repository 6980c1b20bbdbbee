namespace Varta.Training.Scheduling;

/// <summary>
/// The scheduler's whole state of one card for one learner.
/// </summary>
/// <param name="Phase">New, learning steps, day intervals, or relearning steps after a lapse.</param>
/// <param name="Stability">Days until recall probability falls to 90 % (0 while new).</param>
/// <param name="Difficulty">1 (easy) to 10 (hard); 0 while new.</param>
/// <param name="Due">When the card should next be shown.</param>
/// <param name="LastReview">When it was last reviewed; null while new.</param>
/// <param name="Step">Index of the current (re)learning step.</param>
/// <param name="Reps">Reviews so far.</param>
/// <param name="Lapses">Times a card on day intervals was forgotten (rated Again).</param>
/// <param name="ScheduledDays">Whole days from the last review to <paramref name="Due"/> (0 for a step under a day).</param>
internal readonly record struct CardMemory(
    CardPhase Phase,
    double Stability,
    double Difficulty,
    DateTimeOffset Due,
    DateTimeOffset? LastReview,
    int Step,
    int Reps,
    int Lapses,
    int ScheduledDays);
