using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.Courts;

internal static class CourtsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courts", async (ClaimsPrincipal user, IntakeService s, CancellationToken ct) =>
                TypedResults.Ok(await s.CourtsAsync(user)))
            .RequireAuthorization(ThreatsPolicies.FileReport);
}
