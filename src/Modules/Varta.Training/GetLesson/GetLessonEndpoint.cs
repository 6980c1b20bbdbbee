using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Courses;

namespace Varta.Training.GetLesson;

internal static class GetLessonEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courses/{key}/lessons/{lesson}", async (string key, string lesson, ClaimsPrincipal user, CourseService s, Problems p, CancellationToken ct) =>
                (await s.LessonAsync(user, key, lesson, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
