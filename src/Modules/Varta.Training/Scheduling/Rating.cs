namespace Varta.Training.Scheduling;

/// <summary>How well the learner recalled a card.</summary>
internal enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>Where a card stands in the scheduler: never seen, in its (re)learning steps, or on day intervals.</summary>
internal enum CardPhase
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}
