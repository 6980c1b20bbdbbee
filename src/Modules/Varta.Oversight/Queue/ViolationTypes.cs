namespace Varta.Oversight.Queue;

/// <summary>The catalogue of violation types a finding names (with free text beside it).</summary>
internal static class ViolationTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "late-notification", "no-notification", "no-medical-exam", "ill-treatment", "unjustified-force", "unrecorded-force",
        "detention-over-limit", "late-delivery", "record-falsified", "separation", "conditions", "missed-checks", "complaint-not-handled", "other",
    ];
}
