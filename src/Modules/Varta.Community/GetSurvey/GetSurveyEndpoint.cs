using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.GetSurvey;

internal static class GetSurveyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}", async (Guid id, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) => (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
