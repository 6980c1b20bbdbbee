using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Intake;
using Varta.Threats.Contracts;

namespace Varta.Threats.TriageReport;

internal static class TriageReportEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/reports/{id:guid}/triage", async (Guid id, TriageRequest request, ClaimsPrincipal user, IntakeService s, Problems p, CancellationToken ct) =>
                (await s.TriageAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.Triage);
}
