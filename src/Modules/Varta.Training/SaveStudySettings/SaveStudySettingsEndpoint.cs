using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Study;

namespace Varta.Training.SaveStudySettings;

internal static class SaveStudySettingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/settings", async (SettingsRequest request, ClaimsPrincipal user, StudyService s, Problems p, CancellationToken ct) =>
                (await s.SaveSettingsAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
