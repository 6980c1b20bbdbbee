using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Threats;

/// <summary>
/// One named policy per threats operation; handlers ask it again with the court's scope. Need to know: reporters see
/// their own reports, analysts their unit's cases, protected persons their own measures; a judge never sees a case.
/// </summary>
internal static class ThreatsPolicies
{
    public const string FileReport = "threats.reports.file";
    public const string FileOnBehalf = "threats.reports.file-on-behalf";
    public const string Triage = "threats.reports.triage";
    public const string ReadCases = "threats.cases.read";
    public const string WorkCases = "threats.cases.work";
    public const string ReviewAssessments = "threats.assessments.review";
    public const string ManageMeasures = "threats.measures.manage";
    public const string ReadCatalogue = "threats.catalogue.read";
    public const string ManageCatalogue = "threats.catalogue.manage";
    public const string ReadOwnProtection = "threats.protection.own";
    public const string IssueAdvisories = "threats.advisories.issue";
    public const string FileHealthNotices = "threats.health-notices.file";
    public const string ManageIncidents = "threats.incidents.manage";
    public const string ReadLessons = "threats.lessons.read";

    /// <summary>Everyone who works at a court and may report or be protected.</summary>
    public static readonly string[] CourtPeople = [Roles.Judge, Roles.CourtStaff, Roles.SecurityOfficer, Roles.ThreatAnalyst, Roles.UnitHead];

    /// <summary>A security officer or an analyst types in a report for someone else.</summary>
    public static readonly string[] OnBehalf = [Roles.SecurityOfficer, Roles.ThreatAnalyst];

    public static readonly string[] Analysts = [Roles.ThreatAnalyst];

    /// <summary>Who reads a unit's cases: its analysts and its head.</summary>
    public static readonly string[] CaseReaders = [Roles.ThreatAnalyst, Roles.UnitHead];

    public static readonly string[] Administrators = [Roles.Administrator];

    /// <summary>Who informs people: the unit's analysts and its head.</summary>
    public static readonly string[] Issuers = [Roles.ThreatAnalyst, Roles.UnitHead];

    /// <summary>The court's medical officers file health precaution notices.</summary>
    public static readonly string[] MedicalOfficers = [Roles.MedicalOfficer];

    /// <summary>Who debriefs incidents: security officers of the court, the unit's analysts and its head.</summary>
    public static readonly string[] Debriefers = [Roles.SecurityOfficer, Roles.ThreatAnalyst, Roles.UnitHead];

    public static readonly string[] CatalogueReaders = [Roles.Administrator, Roles.ThreatAnalyst, Roles.UnitHead];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(FileReport, CourtPeople)
            .AddOperation(FileOnBehalf, OnBehalf)
            .AddOperation(Triage, Analysts)
            .AddOperation(ReadCases, CaseReaders)
            .AddOperation(WorkCases, Analysts)
            .AddOperation(ReviewAssessments, CaseReaders)
            .AddOperation(ManageMeasures, CaseReaders)
            .AddOperation(ReadCatalogue, CatalogueReaders)
            .AddOperation(ManageCatalogue, Administrators)
            .AddOperation(ReadOwnProtection, CourtPeople)
            .AddOperation(IssueAdvisories, Issuers)
            .AddOperation(FileHealthNotices, MedicalOfficers)
            .AddOperation(ManageIncidents, Debriefers)
            .AddOperation(ReadLessons, Debriefers);
}
