using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.OnBehalfCandidates;

internal static class OnBehalfCandidatesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courts/{id:guid}/people", async (Guid id, ClaimsPrincipal user, IntakeService s, CancellationToken ct) =>
                TypedResults.Ok(await s.OnBehalfCandidatesAsync(user, id, ct)))
            .RequireAuthorization(ThreatsPolicies.FileOnBehalf);
}
