using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Custody.Retention.RetentionRun;

internal static class RetentionRunEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/retention/run", async (ClaimsPrincipal user, RetentionRunHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RunAsync(user, ct)))
            .RequireAuthorization(CustodyPolicies.RunRetention);
}
