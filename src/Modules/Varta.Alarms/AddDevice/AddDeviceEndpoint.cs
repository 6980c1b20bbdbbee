using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.AddDevice;

internal static class AddDeviceEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/devices", async (CreateDeviceRequest r, ClaimsPrincipal user, AddDeviceHandler h, Problems p, CancellationToken ct) =>
            {
                var o = await h.HandleAsync(user, r, ct);
                return o.IsOk ? TypedResults.Created($"/api/v1/alarms/devices", o.Value) : o.Problem(p);
            })
            .RequireAuthorization(AlarmsPolicies.ManageDevices);
}
