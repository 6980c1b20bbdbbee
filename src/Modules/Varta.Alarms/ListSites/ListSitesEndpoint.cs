using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.ListSites;

internal static class ListSitesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sites", async (ClaimsPrincipal user, ListSitesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(user, ct)))
            .RequireAuthorization(AlarmsPolicies.ReadSites);
}
