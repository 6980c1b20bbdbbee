using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.TriageList;

internal static class TriageListEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/triage", async (ClaimsPrincipal user, IntakeService s, CancellationToken ct) =>
                TypedResults.Ok(await s.TriageListAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.Triage);
}
