using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;
using Varta.Platform.Http;

namespace Varta.Community.GetIndicators;

internal static class GetIndicatorsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/territories/{code}/indicators", async (string code, PolicyService s, Problems p, CancellationToken ct) => (await s.IndicatorsAsync(code, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadTerritories);
}
