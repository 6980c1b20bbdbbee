using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;

namespace Varta.Training.GetAttempt;

internal static class GetAttemptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/attempts/{id:guid}", async (Guid id, ClaimsPrincipal user, AttemptService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
