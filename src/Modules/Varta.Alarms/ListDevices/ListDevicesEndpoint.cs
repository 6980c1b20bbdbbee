using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.ListDevices;

internal static class ListDevicesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/devices", async (ClaimsPrincipal user, ListDevicesHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(user, ct)))
            .RequireAuthorization(AlarmsPolicies.ReadDevices);
}
