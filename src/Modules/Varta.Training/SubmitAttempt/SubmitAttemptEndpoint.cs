using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;

namespace Varta.Training.SubmitAttempt;

internal static class SubmitAttemptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/attempts/{id:guid}/submit", async (Guid id, SubmitRequest request, ClaimsPrincipal user, AttemptService s, Problems p, CancellationToken ct) =>
                (await s.SubmitAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
