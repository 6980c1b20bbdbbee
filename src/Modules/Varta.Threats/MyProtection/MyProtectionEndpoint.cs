using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Measures;

namespace Varta.Threats.MyProtection;

internal static class MyProtectionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-protection", async (ClaimsPrincipal user, MeasureService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
