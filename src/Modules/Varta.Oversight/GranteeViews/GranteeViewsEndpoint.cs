using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;

namespace Varta.Oversight.GranteeViews;

internal static class GranteeViewsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/grantee-views", async (ClaimsPrincipal user, GrantService s, CancellationToken ct, Guid? facilityId, int? limit) =>
                TypedResults.Ok(await s.ViewsAsync(user, facilityId, Math.Clamp(limit ?? 200, 1, 1000), ct)))
            .RequireAuthorization(OversightPolicies.ReadGranteeViews);
}
