using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.ExportResponses;

internal static class ExportResponsesEndpoint
{
    /// <summary>The only way raw responses leave the module: anonymous rows, coarsened below the threshold, no free text (CSV).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/responses.csv", async (Guid id, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
            {
                var outcome = await s.ExportRowsAsync(user, id, ct);
                return outcome.IsOk ? TypedResults.File(outcome.Value!, "text/csv; charset=utf-8", $"survey-{id:N}-responses.csv") : outcome.Problem(p);
            })
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
