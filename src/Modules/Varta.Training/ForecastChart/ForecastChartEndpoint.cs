using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Study;

namespace Varta.Training.ForecastChart;

internal static class ForecastChartEndpoint
{
    /// <summary>The learner's next 30 days as a bar chart (PNG, drawn on the server).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cards/forecast.png", ChartAsync).RequireAuthorization(TrainingPolicies.Learn);

    /// <summary>The same chart for a signed-in page user (cookie, which the API does not take): what the study plan shows.</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/cards/forecast.png", ChartAsync).RequireAuthorization(TrainingPolicies.Learn);

    private static async Task<IResult> ChartAsync(ClaimsPrincipal user, StudyService s, ForecastChartRenderer chart, CancellationToken ct) =>
        Results.File(chart.Render(await s.ForecastAsync(user, ct)), "image/png");
}
