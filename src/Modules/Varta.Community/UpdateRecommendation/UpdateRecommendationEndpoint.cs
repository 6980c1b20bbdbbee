using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;
using Varta.Platform.Http;

namespace Varta.Community.UpdateRecommendation;

internal static class UpdateRecommendationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/recommendations/{id:guid}/updates", async (Guid id, UpdateRequest request, ClaimsPrincipal user, PolicyService s, Problems p, CancellationToken ct) =>
                (await s.UpdateAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);
}
