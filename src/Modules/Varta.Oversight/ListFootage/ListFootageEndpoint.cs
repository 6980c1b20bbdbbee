using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Footage;

namespace Varta.Oversight.ListFootage;

internal static class ListFootageEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/footage-requests", async (ClaimsPrincipal user, FootageService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(OversightPolicies.ReadFootage);
}
