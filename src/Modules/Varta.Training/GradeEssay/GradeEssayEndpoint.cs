using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Attempts;
using Varta.Training.Teaching;

namespace Varta.Training.GradeEssay;

internal static class GradeEssayEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/attempts/{id:guid}/items/{slot:int}/grade", async (Guid id, int slot, GradeRequest request, ClaimsPrincipal user, TeachingService s, Problems p, CancellationToken ct) =>
                (await s.GradeAsync(user, id, slot, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Teach);
}
