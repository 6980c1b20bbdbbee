using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Teaching;

namespace Varta.Training.QuestionStatistics;

internal static class QuestionStatisticsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courses/{key}/item-analysis", async (string key, ClaimsPrincipal user, TeachingService s, Problems p, CancellationToken ct) =>
                (await s.ItemAnalysisAsync(user, key, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.ReadPeople);
}
