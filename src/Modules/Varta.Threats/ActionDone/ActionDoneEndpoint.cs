using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Incidents;
using Varta.Threats.Contracts;

namespace Varta.Threats.ActionDone;

internal static class ActionDoneEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/action-items/{id:guid}/done", async (Guid id, ActionDoneRequest request, ClaimsPrincipal user, IncidentService s, Problems p, CancellationToken ct) =>
                (await s.DoneAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
