using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.AddCard;

internal static class AddCardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/lessons/{id:guid}/cards", async (Guid id, CardRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.AddCardAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
