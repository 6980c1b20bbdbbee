using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.EditLesson;

internal static class EditLessonEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/lessons/{id:guid}", async (Guid id, LessonRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.UpdateLessonAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
