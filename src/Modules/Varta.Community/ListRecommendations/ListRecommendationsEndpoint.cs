using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;

namespace Varta.Community.ListRecommendations;

internal static class ListRecommendationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recommendations", async (string? territory, ClaimsPrincipal user, PolicyService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(user, territory, ct)))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
