using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Policy;

namespace Varta.Community.RecommendationOverview;

internal static class RecommendationOverviewEndpoint
{
    /// <summary>On track, late, achieved and dropped recommendations per hromada (by=territory, the default) or per oblast (by=oblast).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/recommendations/overview", async (string? by, ClaimsPrincipal user, PolicyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.OverviewAsync(user, by == "oblast" ? "oblast" : "territory", ct)))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
