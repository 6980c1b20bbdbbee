using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.AuditReport;
using Varta.Platform.Http;

namespace Varta.Community.SurveyReport;

internal static class SurveyReportEndpoint
{
    /// <summary>The audit report over an area (the survey's territory when none): every choice question's weighted results, the findings, the indicators.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/surveys/{id:guid}/report", async (Guid id, string? area, ClaimsPrincipal user, AuditReportService s, Problems p, CancellationToken ct) =>
                (await s.ReportAsync(user, id, area, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ReadSurveys);
}
