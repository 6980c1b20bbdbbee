using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.GetReport;

internal static class GetReportEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reports/{id:guid}", async (Guid id, ClaimsPrincipal user, IntakeService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.FileReport);
}
