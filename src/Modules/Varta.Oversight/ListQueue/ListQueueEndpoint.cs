using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Queue;
using Varta.Platform.Http;

namespace Varta.Oversight.ListQueue;

internal static class ListQueueEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/queue", async (ClaimsPrincipal user, ReviewQueue q, Problems p, CancellationToken ct, string? status, Guid? facilityId, string? rule, int? limit) =>
                (await q.ListAsync(user, status, facilityId, rule, Math.Clamp(limit ?? 200, 1, 1000), ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.ReadQueue);
}
