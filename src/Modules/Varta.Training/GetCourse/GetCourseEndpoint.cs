using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Courses;

namespace Varta.Training.GetCourse;

internal static class GetCourseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courses/{key}", async (string key, ClaimsPrincipal user, CourseService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, key, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
