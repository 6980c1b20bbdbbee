using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.ImportGift;

internal static class ImportGiftEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/lessons/{id:guid}/questions/gift", async (Guid id, GiftImportRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.ImportGiftAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
