using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Oversight.Reports;

internal static class ReportEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reports", async (ClaimsPrincipal user, ReportQuery q, Problems p, CancellationToken ct, string? unit, string? from, string? to) =>
                (await q.ReadAsync(user, unit, from, to, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.ReadReports);
}
