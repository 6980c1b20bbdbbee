using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.GetIncident;

internal static class GetIncidentEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incidents/{id:guid}", async (Guid id, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
