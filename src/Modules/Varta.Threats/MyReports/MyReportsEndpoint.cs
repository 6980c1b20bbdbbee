using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.MyReports;

internal static class MyReportsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reports/mine", async (ClaimsPrincipal user, IntakeService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.FileReport);
}
