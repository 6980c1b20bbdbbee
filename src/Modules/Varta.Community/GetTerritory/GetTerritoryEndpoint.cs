using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.GetTerritory;

internal static class GetTerritoryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/territories/{code}", async (string code, TerritoryService s, Problems p, CancellationToken ct) => (await s.GetAsync(code, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadTerritories);
}
