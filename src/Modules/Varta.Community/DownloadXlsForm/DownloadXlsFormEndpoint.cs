using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using Varta.Platform.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.DownloadXlsForm;

internal static class DownloadXlsFormEndpoint
{
    /// <summary>The survey's questionnaire as an XLSForm for a signed-in page user (cookie); audited by the service.</summary>
    public static void MapPages(RouteGroupBuilder pages) =>
        pages.MapGet("/surveys/{id:guid}/xlsform", async (Guid id, ClaimsPrincipal user, SurveyService s, Problems p, CancellationToken ct) =>
                await s.ExportAsync(user, id, ct) is { IsOk: true } outcome
                    ? HttpResults.File(outcome.Value!, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id:N}.xlsx")
                    : HttpResults.NotFound())
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
