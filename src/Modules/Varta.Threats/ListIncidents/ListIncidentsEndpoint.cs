using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.ListIncidents;

internal static class ListIncidentsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incidents", async (ClaimsPrincipal user, IncidentService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
