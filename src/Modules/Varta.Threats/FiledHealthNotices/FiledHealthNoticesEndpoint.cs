using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.FiledHealthNotices;

internal static class FiledHealthNoticesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/health-notices", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.FiledNoticesAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.FileHealthNotices);
}
