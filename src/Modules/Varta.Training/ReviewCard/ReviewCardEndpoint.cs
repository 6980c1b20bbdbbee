using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Study;

namespace Varta.Training.ReviewCard;

internal static class ReviewCardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cards/{id:guid}/review", async (Guid id, ReviewRequest request, ClaimsPrincipal user, StudyService s, Problems p, CancellationToken ct) =>
                (await s.ReviewAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
