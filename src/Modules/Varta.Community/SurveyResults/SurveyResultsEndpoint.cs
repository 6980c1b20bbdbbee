using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.SurveyResults;

internal static class SurveyResultsEndpoint
{
    /// <summary>One choice question's results over an area (KATOTTH code; the survey's territory when none), weighted, with suppression.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/results", async (Guid id, string? question, string? area, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
                (await s.ResultsAsync(user, id, question, area, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
