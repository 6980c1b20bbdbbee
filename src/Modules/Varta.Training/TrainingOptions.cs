namespace Varta.Training;

/// <summary>Settings of the Training module (configuration section "Training").</summary>
public sealed class TrainingOptions
{
    /// <summary>Import the courses shipped with Varta at start-up (new courses and new lessons only; a trainer's edits are kept).</summary>
    public bool ImportShippedContent { get; set; } = true;
}
