using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;

namespace Varta.Training.SaveAnswer;

internal static class SaveAnswerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/attempts/{id:guid}/items/{slot:int}", async (Guid id, int slot, SaveRequest request, ClaimsPrincipal user, AttemptService s, Problems p, CancellationToken ct) =>
                (await s.SaveAsync(user, id, slot, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
