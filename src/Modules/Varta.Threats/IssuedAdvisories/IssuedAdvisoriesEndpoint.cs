using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.IssuedAdvisories;

internal static class IssuedAdvisoriesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/advisories", async (ClaimsPrincipal user, AdvisoryService s, CancellationToken ct) =>
                TypedResults.Ok(await s.IssuedAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.IssueAdvisories);
}
