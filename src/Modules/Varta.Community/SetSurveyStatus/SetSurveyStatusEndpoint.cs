using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.SetSurveyStatus;

internal static class SetSurveyStatusEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/surveys/{id:guid}/status", async (Guid id, StatusRequest request, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
                (await s.SetStatusAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);
}
