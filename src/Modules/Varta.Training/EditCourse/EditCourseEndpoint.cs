using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.EditCourse;

internal static class EditCourseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/courses/{key}", async (string key, CourseRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.UpdateCourseAsync(user, key, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
