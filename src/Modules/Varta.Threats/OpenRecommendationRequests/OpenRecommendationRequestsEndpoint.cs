using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.OpenRecommendationRequests;

internal static class OpenRecommendationRequestsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recommendation-requests", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.OpenRequestsAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.IssueAdvisories);
}
