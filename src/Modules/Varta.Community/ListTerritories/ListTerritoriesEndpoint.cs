using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Territories;

namespace Varta.Community.ListTerritories;

internal static class ListTerritoriesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/territories", async (string? parent, string? level, string? q, bool? retired, TerritoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(parent, level, q, retired ?? false, ct)))
            .RequireAuthorization(CommunityPolicies.ReadTerritories);
}
