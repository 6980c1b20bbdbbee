using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.GetCourseForEdit;

internal static class GetCourseForEditEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courses/{key}/edit", async (string key, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.CourseForEditAsync(user, key, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
