using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.MyAdvisories;

internal static class MyAdvisoriesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/advisories/mine", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
