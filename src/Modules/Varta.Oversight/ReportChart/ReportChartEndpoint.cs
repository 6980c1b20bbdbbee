using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Reports;
using Varta.Platform.Http;

namespace Varta.Oversight.ReportChart;

internal static class ReportChartEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reports/chart", async (ClaimsPrincipal user, ReportQuery q, ReportChartRenderer chart, Problems p, CancellationToken ct, string? unit,
                string? from, string? to) =>
            {
                var outcome = await q.ReadAsync(user, unit, from, to, ct);
                return outcome.IsOk ? Results.File(chart.Render(outcome.Value!), "image/png") : outcome.Problem(p);
            })
            .RequireAuthorization(OversightPolicies.ReadReports);
}
