using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;

namespace Varta.Community.ListSurveys;

internal static class ListSurveysEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys", async (ClaimsPrincipal user, SurveyService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
