using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.AddReflection;

internal static class AddReflectionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/lessons/{id:guid}/reflections", async (Guid id, ReflectionRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.AddReflectionAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
