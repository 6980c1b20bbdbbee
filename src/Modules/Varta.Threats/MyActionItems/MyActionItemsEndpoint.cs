using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.MyActionItems;

internal static class MyActionItemsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/action-items/mine", async (ClaimsPrincipal user, IncidentService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MyActionsAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
