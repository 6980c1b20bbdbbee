using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Custody.ListFacilities;

internal static class ListFacilitiesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/facilities", async (ClaimsPrincipal user, ListFacilitiesQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.ListAsync(user, ct)))
            .RequireAuthorization(CustodyPolicies.ReadFacilities);
}
