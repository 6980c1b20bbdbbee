using Microsoft.AspNetCore.Authorization;
using Varta.Platform.Identity;

namespace Varta.Oversight;

/// <summary>
/// One named policy per oversight operation; handlers ask it again with the facility's scope. Inspectors work the queue;
/// a facility's head sees what is open about their facility.
/// </summary>
internal static class OversightPolicies
{
    public const string ReadQueue = "oversight.queue.read";
    public const string WorkQueue = "oversight.queue.work";
    public const string PrintRecord = "oversight.record.print";
    public const string ExportSubject = "oversight.subject.export";

    public static readonly string[] Readers = [Roles.RightsInspector, Roles.UnitHead];
    public static readonly string[] Workers = [Roles.RightsInspector];
    public static readonly string[] Printers = [Roles.RightsInspector, Roles.UnitHead, Roles.CustodyOfficer];
    public static readonly string[] Exporters = [Roles.RightsInspector, Roles.UnitHead];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(ReadQueue, Readers)
            .AddOperation(WorkQueue, Workers)
            .AddOperation(PrintRecord, Printers)
            .AddOperation(ExportSubject, Exporters);
}
