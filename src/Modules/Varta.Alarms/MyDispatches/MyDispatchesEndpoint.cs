using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.MyDispatches;

internal static class MyDispatchesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-dispatches", async (ClaimsPrincipal user, MyDispatchesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(user, ct)))
            .RequireAuthorization(AlarmsPolicies.MyDispatches);
}
