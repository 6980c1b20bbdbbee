using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.Reports;

internal static class StatsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/stats", async (ClaimsPrincipal user, StatsQuery q, CancellationToken ct, int? days) =>
                TypedResults.Ok(await q.HandleAsync(user, Math.Clamp(days ?? 30, 1, 366), ct)))
            .RequireAuthorization(AlarmsPolicies.ReadStats);
}
