using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.Surveys;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.ResultsChart;

internal static class ResultsChartEndpoint
{
    /// <summary>The results page's chart for a signed-in page user (cookie): one question over one area, as a PNG.</summary>
    public static void MapPages(RouteGroupBuilder pages) =>
        pages.MapGet("/surveys/{id:guid}/results.png", async (Guid id, string? question, string? area, ClaimsPrincipal user, SurveyService s, ResultsChartRenderer chart,
                CancellationToken ct) =>
                await s.ResultsAsync(user, id, question, area, ct) is { IsOk: true } outcome
                    ? HttpResults.File(chart.Render(outcome.Value!), "image/png")
                    : HttpResults.NotFound())
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
