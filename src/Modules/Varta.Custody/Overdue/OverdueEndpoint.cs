using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Custody.Overdue;

internal static class OverdueEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/overdue", async (ClaimsPrincipal user, OverdueQuery query, CancellationToken ct, int? limit) =>
            TypedResults.Ok(await query.ReadAsync(user, Math.Clamp(limit ?? 200, 1, 1000), ct)))
            .RequireAuthorization(CustodyPolicies.ReadOverdue);
}
