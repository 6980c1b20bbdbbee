using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.CreateCourse;

internal static class CreateCourseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/courses", async (CourseRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.CreateCourseAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
