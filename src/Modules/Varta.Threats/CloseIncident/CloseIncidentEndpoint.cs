using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.CloseIncident;

internal static class CloseIncidentEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incidents/{id:guid}/close", async (Guid id, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.CloseAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
