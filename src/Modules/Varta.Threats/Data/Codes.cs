namespace Varta.Threats.Data;

/// <summary>How a communication reached the person.</summary>
internal static class ReportChannels
{
    public static readonly string[] All = ["letter", "phone", "email", "social-media", "messenger", "in-person", "at-home", "other"];
}

/// <summary>Whom it was aimed at, from the reporter's side.</summary>
internal static class ReportTargets
{
    public const string Self = "self";
    public const string Colleague = "colleague";
    public const string Family = "family";
    public const string Court = "court";

    public static readonly string[] All = [Self, Colleague, Family, Court];
}

internal static class ReportStatus
{
    public const string Submitted = "submitted";
    public const string Triaged = "triaged";
}

/// <summary>The two tiers of intake.</summary>
internal static class Tiers
{
    public const string InappropriateCommunication = "inappropriate-communication";
    public const string Threat = "threat";

    public static readonly string[] All = [InappropriateCommunication, Threat];
}

/// <summary>Which timeliness target a case is held to.</summary>
internal static class Priorities
{
    public const string Imminent = "imminent";
    public const string Expedited = "expedited";
    public const string Standard = "standard";

    public static readonly string[] All = [Imminent, Expedited, Standard];
}

internal static class CaseStatus
{
    public const string New = "new";
    public const string Assessing = "assessing";
    public const string MeasuresActive = "measures-active";
    public const string Monitoring = "monitoring";
    public const string Closed = "closed";

    public static readonly string[] All = [New, Assessing, MeasuresActive, Monitoring, Closed];
}

/// <summary>The pathway to violence, in order.</summary>
internal static class Stages
{
    public static readonly string[] All = ["grievance", "ideation", "research-planning", "preparation", "probing-breach", "attack"];
}

/// <summary>The eight proximal warning behaviours.</summary>
internal static class WarningBehaviours
{
    public static readonly string[] All =
        ["pathway", "fixation", "identification", "novel-aggression", "energy-burst", "leakage", "direct-threat", "last-resort"];
}

internal static class RiskLevels
{
    public const string Low = "low";
    public const string Moderate = "moderate";
    public const string High = "high";
    public const string Imminent = "imminent";

    public static readonly string[] All = [Low, Moderate, High, Imminent];

    /// <summary>High and imminent count only once a second person has reviewed them.</summary>
    public static bool NeedsReview(string level) => level is High or Imminent;
}

internal static class ReviewStates
{
    public const string NotRequired = "not-required";
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Returned = "returned";
}

internal static class MeasureStatus
{
    public const string Planned = "planned";
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Cancelled = "cancelled";

    public static readonly string[] All = [Planned, Active, Ended, Cancelled];
}

/// <summary>Measure types with a behaviour of their own.</summary>
internal static class MeasureCodes
{
    /// <summary>Starting it provisions a duress button in Alarms, owned by the protected person.</summary>
    public const string HomeDuressButton = "home-duress-button";
}

internal static class Relations
{
    public static readonly string[] All = [ReportTargets.Self, ReportTargets.Colleague, ReportTargets.Family];
}

internal static class Audiences
{
    public const string Person = "person";
    public const string Court = "court";
    public const string Group = "group";

    public static readonly string[] All = [Person, Court, Group];

    /// <summary>The groups of a court an advisory may go to.</summary>
    public static readonly string[] GroupRoles = [Platform.Identity.Roles.Judge, Platform.Identity.Roles.CourtStaff, Platform.Identity.Roles.SecurityOfficer];
}

internal static class AdvisoryKinds
{
    public static readonly string[] All = ["general", "individual"];
}

internal static class Precautions
{
    public static readonly string[] All = ["glass-dock-ventilated", "masks", "gloves", "distance", "ventilation", "disinfection", "separate-entrance"];
}

internal static class IncidentKinds
{
    public static readonly string[] All = ["activist-misconduct", "escorted-person-threat", "duress-alarm", "intrusion", "other"];
}
