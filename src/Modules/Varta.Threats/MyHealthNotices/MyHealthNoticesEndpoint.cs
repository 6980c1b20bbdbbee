using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.MyHealthNotices;

internal static class MyHealthNoticesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/health-notices/mine", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MyNoticesAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
