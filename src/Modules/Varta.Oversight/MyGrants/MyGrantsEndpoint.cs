using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;

namespace Varta.Oversight.MyGrants;

internal static class MyGrantsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-grants", async (ClaimsPrincipal user, GrantService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
