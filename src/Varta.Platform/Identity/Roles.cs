namespace Varta.Platform.Identity;

/// <summary>The roles of DESIGN.md. A user may hold several, each over its own scope.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string CustodyOfficer = "custody-officer";
    public const string RightsInspector = "rights-inspector";
    public const string ExternalMonitor = "external-monitor";
    public const string Dispatcher = "dispatcher";
    public const string SecurityOfficer = "security-officer";
    public const string ThreatAnalyst = "threat-analyst";
    public const string UnitHead = "unit-head";
    public const string Judge = "judge";
    public const string CourtStaff = "court-staff";
    public const string Trainer = "trainer";
    public const string Learner = "learner";
    public const string CommunityAuditor = "community-auditor";

    /// <summary>Runs a community safety audit in a territory: surveys, indicators, the local security policy.</summary>
    public const string CommunityCoordinator = "community-coordinator";

    /// <summary>A court's medical officer: files health precaution notices for hearings (and alone sees their diagnoses).</summary>
    public const string MedicalOfficer = "medical-officer";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, CustodyOfficer, RightsInspector, ExternalMonitor, Dispatcher, SecurityOfficer,
        ThreatAnalyst, UnitHead, Judge, CourtStaff, Trainer, Learner, CommunityAuditor, CommunityCoordinator, MedicalOfficer,
    ];

    /// <summary>Roles that must sign in with a second factor (TOTP).</summary>
    public static readonly IReadOnlySet<string> RequireTwoFactor = new HashSet<string>
    {
        Administrator, RightsInspector, ExternalMonitor, ThreatAnalyst, MedicalOfficer,
    };

    public static bool IsKnown(string role) => All.Contains(role);
}
