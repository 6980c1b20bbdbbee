using Varta.Custody.Contracts;

namespace Varta.Oversight.Queue;

/// <summary>
/// The review queue's rules: which custody facts an inspector must review, and under which rule. Each rule can be
/// switched off in configuration; a switched-off rule raises nothing new and leaves what it raised before.
/// </summary>
internal static class ReviewRules
{
    /// <summary>Legal aid or relatives notified late, or not at all.</summary>
    public const string NotificationLate = "notification-late";

    /// <summary>For a minor: parents or the guardianship body not notified.</summary>
    public const string MinorNotNotified = "minor-not-notified";

    /// <summary>No medical examination within the configured time of arrival.</summary>
    public const string NoMedicalExam = "no-medical-exam";

    /// <summary>Injuries found on arrival or at any later examination; a person found unfit or referred to hospital.</summary>
    public const string Injuries = "injuries";

    /// <summary>A correction of a medical examination, a placement, a welfare check or the moment of detention.</summary>
    public const string Correction = "correction";

    /// <summary>A welfare check missed (overdue), or made late (recorded as happening after its due time).</summary>
    public const string ChecksMissed = "checks-missed";

    /// <summary>A clock near or past its limit, and every release or transfer after a limit.</summary>
    public const string ClockLimit = "clock-limit";

    /// <summary>Delivered to the facility long after the actual detention (CPC art. 210).</summary>
    public const string LateDelivery = "late-delivery";

    public const string PlacementOverride = "placement-override";

    public const string Complaint = "complaint";

    /// <summary>Use of force or of special means.</summary>
    public const string UseOfForce = "use-of-force";

    /// <summary>Self-harm and illness incidents.</summary>
    public const string SelfHarmIllness = "self-harm-illness";

    /// <summary>What a monitor found on an unannounced visit that the register does not say (absent, in another cell, not registered, not checked).</summary>
    public const string VisitDiscrepancy = "visit-discrepancy";

    /// <summary>Meals overdue: a condition of detention, off unless configured.</summary>
    public const string MealOverdue = "meal-overdue";

    public static readonly IReadOnlyList<string> All =
    [
        NotificationLate, MinorNotNotified, NoMedicalExam, Injuries, Correction, ChecksMissed, ClockLimit, LateDelivery,
        PlacementOverride, Complaint, UseOfForce, SelfHarmIllness, MealOverdue, VisitDiscrepancy,
    ];

    public static bool OnByDefault(string rule) => rule != MealOverdue;

    /// <summary>The rule a custody fact comes under, or null when none does.</summary>
    public static string? RuleFor(CustodyReviewFact fact) => fact.Kind switch
    {
        CustodyReviewKinds.Alert => fact.Detail switch
        {
            "legal-aid-not-notified" or "relatives-not-notified" => NotificationLate,
            "parents-not-notified" or "guardianship-not-notified" => MinorNotNotified,
            "medical-exam-missing" => NoMedicalExam,
            "injuries-on-arrival" => Injuries,
            "check-overdue" => ChecksMissed,
            "court-deadline-soon" or "court-deadline-passed" or "max-deadline-soon" or "max-deadline-passed" => ClockLimit,
            "late-delivery" => LateDelivery,
            "detention-corrected" => Correction,
            "meal-overdue" => MealOverdue,
            _ => null,
        },
        CustodyReviewKinds.MedicalFinding => Injuries,
        CustodyReviewKinds.Correction when fact.Detail is "medical-examination" or "cell-placement" or "welfare-check" => Correction,
        CustodyReviewKinds.Complaint => Complaint,
        CustodyReviewKinds.UseOfForce => UseOfForce,
        CustodyReviewKinds.Incident when fact.Detail is "self-harm" or "illness" => SelfHarmIllness,
        CustodyReviewKinds.PlacementOverride => PlacementOverride,
        CustodyReviewKinds.ClosedAfterLimit => ClockLimit,
        CustodyReviewKinds.CheckLate => ChecksMissed,
        _ => null,
    };
}
