using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;
using Varta.Threats.Contracts;

namespace Varta.Threats.AddActionItem;

internal static class AddActionItemEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/incidents/{id:guid}/actions", async (Guid id, ActionItemRequest request, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.AddActionAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
