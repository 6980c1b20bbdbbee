using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.Feed;

internal static class FeedEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/feed", async (ClaimsPrincipal user, FeedHandler h, CancellationToken ct, long? after, int? limit) =>
                TypedResults.Ok(await h.HandleAsync(user, after ?? 0, Math.Clamp(limit ?? 500, 1, 1000), ct)))
            .RequireAuthorization(AlarmsPolicies.Console);
}
