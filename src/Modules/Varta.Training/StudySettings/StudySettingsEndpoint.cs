using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Study;

namespace Varta.Training.StudySettings;

internal static class StudySettingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/settings", async (ClaimsPrincipal user, StudyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SettingsAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
