using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.AddZone;

internal static class AddZoneEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/zones", async (CreateZoneRequest r, ClaimsPrincipal user, AddZoneHandler h, Problems p, CancellationToken ct) =>
            {
                var o = await h.HandleAsync(user, r, ct);
                return o.IsOk ? TypedResults.Created($"/api/v1/alarms/sites", o.Value) : o.Problem(p);
            })
            .RequireAuthorization(AlarmsPolicies.ManageZones);
}
