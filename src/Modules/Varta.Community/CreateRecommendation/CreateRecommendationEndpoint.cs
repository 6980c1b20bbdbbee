using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;
using Varta.Platform.Http;

namespace Varta.Community.CreateRecommendation;

internal static class CreateRecommendationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/recommendations", async (RecommendationRequest request, ClaimsPrincipal user, PolicyService s, Problems p, CancellationToken ct) =>
                (await s.CreateAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);
}
