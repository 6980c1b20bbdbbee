using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Community.AuditReport;
using Varta.Platform.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Varta.Community.ReportPdf;

internal static class ReportPdfEndpoint
{
    /// <summary>The audit report (results, findings, indicators) as a PDF in the caller's language, for API clients.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/report.pdf", PdfAsync).RequireAuthorization(CommunityPolicies.ReadSurveys);

    /// <summary>The same file for a signed-in page user (cookie, which the API does not take): what the report page links to.</summary>
    public static void MapPages(RouteGroupBuilder pages) =>
        pages.MapGet("/surveys/{id:guid}/report.pdf", PdfAsync).RequireAuthorization(CommunityPolicies.ReadSurveys);

    private static async Task<IResult> PdfAsync(Guid id, string? area, ClaimsPrincipal user, AuditReportService s, TimeProvider clock, Problems p, CancellationToken ct)
    {
        var pdf = await s.PdfAsync(user, id, area, clock.GetUtcNow(), ct);
        return pdf.IsOk ? HttpResults.File(pdf.Value!, "application/pdf", $"varta-audit-report-{id:N}.pdf") : pdf.Problem(p);
    }
}
