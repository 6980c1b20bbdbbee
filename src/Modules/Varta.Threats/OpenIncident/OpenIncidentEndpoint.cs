using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;
using Varta.Threats.Contracts;

namespace Varta.Threats.OpenIncident;

internal static class OpenIncidentEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incidents", async (IncidentRequest request, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.OpenAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
