using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.GetLessonForEdit;

internal static class GetLessonForEditEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/lessons/{id:guid}/edit", async (Guid id, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.LessonForEditAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
