using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.Reports;

internal static class UntestedButtonsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/tests/untested", async (ClaimsPrincipal user, UntestedButtonsQuery q, CancellationToken ct) => TypedResults.Ok(await q.HandleAsync(user, ct)))
            .RequireAuthorization(AlarmsPolicies.ReadStats);
}
