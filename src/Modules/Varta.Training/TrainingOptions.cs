namespace Varta.Training;

/// <summary>Settings of the Training module (configuration section "Training").</summary>
internal sealed class TrainingOptions
{
    /// <summary>Import the courses shipped with Varta at start-up (new courses and new lessons only; a trainer's edits are kept).</summary>
    public bool ImportShippedContent { get; set; } = true;

    /// <summary>The TrueType font charts are drawn with (Cyrillic labels): DejaVu Sans, from Debian's fonts-dejavu-core.</summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
}
