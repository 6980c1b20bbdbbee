using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.AddLesson;

internal static class AddLessonEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/courses/{key}/lessons", async (string key, LessonRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.AddLessonAsync(user, key, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
