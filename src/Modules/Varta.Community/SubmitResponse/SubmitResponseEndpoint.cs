using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.SubmitResponse;

internal static class SubmitResponseEndpoint
{
    /// <summary>An interviewer's response: {clientId, territory (the respondent's hromada), answers: {name: value}}; a resend is stored once.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/surveys/{id:guid}/responses", async (Guid id, ResponseRequest request, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
                (await s.SubmitAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.CollectResponses);
}
