using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Territories;
using Varta.Platform.Http;

namespace Varta.Community.GetPopulation;

internal static class GetPopulationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/territories/{code}/population", async (string code, int? year, TerritoryService s, Problems p, CancellationToken ct) =>
                (await s.PopulationAsync(code, year, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadTerritories);
}
