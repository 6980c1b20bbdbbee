using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;
using Varta.Platform.Http;

namespace Varta.Community.GetRecommendation;

internal static class GetRecommendationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recommendations/{id:guid}", async (Guid id, ClaimsPrincipal user, PolicyService s, Problems p, CancellationToken ct) => (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
