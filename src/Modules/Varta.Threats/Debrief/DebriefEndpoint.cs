using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;
using Varta.Threats.Contracts;

namespace Varta.Threats.Debrief;

internal static class DebriefEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incidents/{id:guid}/debrief", async (Guid id, DebriefRequest request, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.DebriefAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
