namespace Varta.Training;

/// <summary>Settings of the Training module (configuration section "Training").</summary>
internal sealed class TrainingOptions
{
    /// <summary>Import the courses shipped with Varta at start-up (new courses and new lessons only; a trainer's edits are kept).</summary>
    public bool ImportShippedContent { get; set; } = true;

    /// <summary>The TrueType font charts are drawn with (Cyrillic labels): DejaVu Sans, from Debian's fonts-dejavu-core.</summary>
    public string ChartFont { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>
    /// On PostgreSQL, commit a flashcard grade without waiting for its WAL flush (<c>SET LOCAL synchronous_commit = off</c>
    /// for that transaction only). A grade is not a legal record: a server crash can lose the last few hundred milliseconds
    /// of grades, whose cards simply come back due; the database is never corrupted. Nothing audited is written this way.
    /// </summary>
    public bool AsyncReviewCommit { get; set; } = true;
}
