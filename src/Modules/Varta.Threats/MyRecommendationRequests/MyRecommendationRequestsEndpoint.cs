using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.MyRecommendationRequests;

internal static class MyRecommendationRequestsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recommendation-requests/mine", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MyRequestsAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.FileReport);
}
