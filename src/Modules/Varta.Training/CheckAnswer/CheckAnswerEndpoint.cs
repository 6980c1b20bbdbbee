using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;

namespace Varta.Training.CheckAnswer;

internal static class CheckAnswerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/attempts/{id:guid}/items/{slot:int}/check", async (Guid id, int slot, SaveRequest request, ClaimsPrincipal user, AttemptService s, Problems p, CancellationToken ct) =>
                (await s.CheckAsync(user, id, slot, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
