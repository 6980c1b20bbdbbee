using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Custody;

/// <summary>
/// One named policy per custody operation: the endpoint names it where its route is mapped, and the handler asks
/// it again with the facility's scope once the record or facility is loaded.
/// </summary>
internal static class CustodyPolicies
{
    public const string ReadRecord = "custody.record.read";
    public const string BookIn = "custody.book-in";
    public const string AppendEntry = "custody.entry.append";
    public const string CorrectEntry = "custody.entry.correct";
    public const string Release = "custody.release";
    public const string Transfer = "custody.transfer";
    public const string ReadBoard = "custody.board.read";
    public const string ReadAlerts = "custody.alerts.read";
    public const string Search = "custody.search";
    public const string ReadOverdue = "custody.overdue.read";
    public const string ReadFacilities = "custody.facilities.read";
    public const string ManageCells = "custody.cells.manage";
    public const string ReadSettings = "custody.settings.read";
    public const string ManageSettings = "custody.settings.manage";
    public const string ReadEntryTypes = "custody.entry-types.read";
    public const string PreviewRetention = "custody.retention.preview";
    public const string RunRetention = "custody.retention.run";

    /// <summary>Not an endpoint's: asked when a record is read, for its medical details (examinations, medication, medical flags).</summary>
    public const string ReadMedical = "custody.record.medical";

    /// <summary>Not an endpoint's: asked when a record is read, for its risk assessments and risk level.</summary>
    public const string ReadRisk = "custody.record.risk";

    /// <summary>Not an endpoint's: asked by a placement that overrides floor area or co-accused separation.</summary>
    public const string OverridePlacement = "custody.placement.override";

    public static void Add(AuthorizationBuilder b)
    {
        b.AddOperation(ReadRecord, CustodyRoles.Readers)
            .AddOperation(BookIn, CustodyRoles.Writers)
            .AddOperation(AppendEntry, CustodyRoles.Writers)
            .AddOperation(CorrectEntry, CustodyRoles.Writers)
            .AddOperation(Release, CustodyRoles.Writers)
            .AddOperation(Transfer, CustodyRoles.Writers)
            .AddOperation(ReadBoard, CustodyRoles.Readers)
            .AddOperation(ReadAlerts, CustodyRoles.Readers)
            .AddOperation(Search, CustodyRoles.Readers)
            .AddOperation(ReadOverdue, CustodyRoles.Readers)
            .AddOperation(ReadFacilities, CustodyRoles.FacilityViewers)
            .AddOperation(ManageCells, CustodyRoles.FacilityAdmins)
            .AddOperation(ReadSettings, CustodyRoles.FacilityViewers)
            .AddOperation(ManageSettings, CustodyRoles.FacilityAdmins)
            .AddOperation(ReadEntryTypes, CustodyRoles.FacilityViewers)
            .AddOperation(PreviewRetention, CustodyRoles.FacilityAdmins)
            .AddOperation(RunRetention, CustodyRoles.FacilityAdmins)
            .AddOperation(OverridePlacement, CustodyRoles.Seniors)
            .AddOperation(ReadMedical, CustodyRoles.ProtectedReaders)
            .AddOperation(ReadRisk, CustodyRoles.ProtectedReaders);
    }
}
