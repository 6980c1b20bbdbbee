using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Advisories;
using Varta.Threats.Contracts;

namespace Varta.Threats.AskRecommendation;

internal static class AskRecommendationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/recommendation-requests", async (RecommendationAsk request, ClaimsPrincipal user, AdvisoryService s, Problems p, CancellationToken ct) =>
                (await s.AskAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.FileReport);
}
