using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Courses;

namespace Varta.Training.ListCourses;

internal static class ListCoursesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courses", async (ClaimsPrincipal user, CourseService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
