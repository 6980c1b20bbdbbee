using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Study;

namespace Varta.Training.Forecast;

internal static class ForecastEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cards/forecast", async (ClaimsPrincipal user, StudyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ForecastAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
