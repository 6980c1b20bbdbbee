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
    public const string ReadReports = "oversight.reports.read";

    public static readonly string[] Readers = [Roles.RightsInspector, Roles.UnitHead];
    public static readonly string[] Workers = [Roles.RightsInspector];

    public static void Add(AuthorizationBuilder b) =>
        b.AddOperation(ReadQueue, Readers)
            .AddOperation(WorkQueue, Workers)
            .AddOperation(ReadReports, Readers);
}
