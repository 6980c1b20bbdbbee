using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;

namespace Varta.Community.ExportSurvey;

internal static class ExportSurveyEndpoint
{
    /// <summary>The questionnaire as an XLSForm (.xlsx), written back from the stored form.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/xlsform", async (Guid id, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
            {
                var outcome = await s.ExportAsync(user, id, ct);
                return outcome.IsOk
                    ? TypedResults.File(outcome.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id:N}.xlsx")
                    : outcome.Problem(p);
            })
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
