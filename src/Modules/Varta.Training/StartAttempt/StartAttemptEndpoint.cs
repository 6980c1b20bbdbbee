using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;

namespace Varta.Training.StartAttempt;

internal static class StartAttemptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/lessons/{id:guid}/attempts", async (Guid id, ClaimsPrincipal user, AttemptService s, Problems p, CancellationToken ct) =>
                (await s.StartAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
