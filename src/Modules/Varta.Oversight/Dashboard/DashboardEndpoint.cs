using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Oversight.Dashboard;

internal static class DashboardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/dashboard", async (ClaimsPrincipal user, DashboardQuery query, CancellationToken ct) => TypedResults.Ok(await query.ReadAsync(user, ct)))
            .RequireAuthorization(OversightPolicies.ReadQueue);
}
