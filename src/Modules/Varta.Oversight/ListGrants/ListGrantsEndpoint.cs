using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;

namespace Varta.Oversight.ListGrants;

internal static class ListGrantsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/grants", async (ClaimsPrincipal user, GrantService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(OversightPolicies.ManageGrants);
}
