using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Oversight;

/// <summary>
/// One named policy per oversight operation; handlers ask it again with the facility's scope. Inspectors work the queue;
/// a facility's head sees what is open about their facility. Both read the reports of their scope.
/// </summary>
internal static class OversightPolicies
{
    public const string ReadQueue = "oversight.queue.read";
    public const string WorkQueue = "oversight.queue.work";
    public const string ManageGrants = "oversight.grants.manage";
    public const string UseGrant = "oversight.grants.use";
    public const string ReadGranteeViews = "oversight.grantee-views.read";
    public const string RequestFootage = "oversight.footage.request";
    public const string DecideFootage = "oversight.footage.decide";
    public const string ReadFootage = "oversight.footage.read";
    public const string PrintRecord = "oversight.record.print";
    public const string ExportSubject = "oversight.subject.export";
    public const string ReadReports = "oversight.reports.read";

    public static readonly string[] Readers = [Roles.RightsInspector, Roles.UnitHead];
    public static readonly string[] Workers = [Roles.RightsInspector];
    public static readonly string[] Printers = [Roles.RightsInspector, Roles.UnitHead, Roles.CustodyOfficer];
    public static readonly string[] Exporters = [Roles.RightsInspector, Roles.UnitHead];

    /// <summary>Grants to outside bodies are made and revoked by an administrator or a unit head over the unit.</summary>
    public static readonly string[] GrantManagers = [Roles.Administrator, Roles.UnitHead];

    /// <summary>Grantees: people of outside bodies, holding the external monitor's role; what they may see is their grants'.</summary>
    public static readonly string[] Grantees = [Roles.ExternalMonitor];

    /// <summary>Who may ask to see footage (and, once approved, see it).</summary>
    public static readonly string[] FootageRequesters = [Roles.RightsInspector, Roles.UnitHead, Roles.CustodyOfficer];

    /// <summary>A facility's head sees who of the grantees looked at what, and decides on footage requests.</summary>
    public static readonly string[] FacilityHeads = [Roles.UnitHead];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(ReadQueue, Readers)
            .AddOperation(WorkQueue, Workers)
            .AddOperation(ManageGrants, GrantManagers)
            .AddOperation(UseGrant, Grantees)
            .AddOperation(ReadGranteeViews, FacilityHeads)
            .AddOperation(RequestFootage, FootageRequesters)
            .AddOperation(DecideFootage, FacilityHeads)
            .AddOperation(ReadFootage, FootageRequesters)
            .AddOperation(PrintRecord, Printers)
            .AddOperation(ExportSubject, Exporters)
            .AddOperation(ReadReports, Readers);
}
