using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Courses;

namespace Varta.Training.MarkRead;

internal static class MarkReadEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/lessons/{id:guid}/read", async (Guid id, ClaimsPrincipal user, CourseService s, Problems p, CancellationToken ct) =>
                (await s.MarkReadAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
