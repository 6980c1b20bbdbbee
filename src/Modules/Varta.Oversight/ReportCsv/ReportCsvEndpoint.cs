using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Reports;
using Varta.Platform.Http;

namespace Varta.Oversight.ReportCsv;

internal static class ReportCsvEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/reports/csv", async (ClaimsPrincipal user, ReportQuery q, ReportCsvWriter writer, Problems p, CancellationToken ct, string? unit,
                string? from, string? to) =>
            {
                var outcome = await q.ReadAsync(user, unit, from, to, ct);
                return outcome.IsOk
                    ? Results.File(writer.Write(outcome.Value!), "text/csv; charset=utf-8", ReportCsvWriter.FileName(outcome.Value!))
                    : outcome.Problem(p);
            })
            .RequireAuthorization(OversightPolicies.ReadReports);
}
