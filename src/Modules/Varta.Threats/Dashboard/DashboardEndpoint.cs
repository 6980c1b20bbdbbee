using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Cases;

namespace Varta.Threats.Dashboard;

internal static class DashboardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/dashboard", async (Guid? unit, ClaimsPrincipal user, CaseService s, CancellationToken ct) =>
                TypedResults.Ok(await s.DashboardAsync(user, unit, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadCases);
}
