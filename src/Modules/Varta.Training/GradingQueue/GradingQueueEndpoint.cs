using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Teaching;

namespace Varta.Training.GradingQueue;

internal static class GradingQueueEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/grading", async (ClaimsPrincipal user, TeachingService s, CancellationToken ct) =>
                TypedResults.Ok(await s.GradingQueueAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Teach);
}
