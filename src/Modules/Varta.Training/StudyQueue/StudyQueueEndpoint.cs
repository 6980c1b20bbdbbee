using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Study;

namespace Varta.Training.StudyQueue;

internal static class StudyQueueEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cards/due", async (int? take, ClaimsPrincipal user, StudyService s, CancellationToken ct) =>
                TypedResults.Ok(await s.QueueAsync(user, take ?? 20, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
