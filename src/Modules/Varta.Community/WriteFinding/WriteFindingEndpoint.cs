using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.AuditReport;
using Varta.Platform.Http;

namespace Varta.Community.WriteFinding;

internal static class WriteFindingEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        // A coordinator writes one of the initiative group's findings for the survey's territory (or an area within it) and period.
        group.MapPost("/surveys/{id:guid}/findings", async (Guid id, FindingRequest request, ClaimsPrincipal user, AuditReportService s, Problems p, CancellationToken ct) =>
                (await s.AddFindingAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);

        // Changes its text: {text, version} → 200 the finding (version + 1); 409 when stale or withdrawn.
        group.MapPut("/surveys/{id:guid}/findings/{findingId:guid}", async (Guid id, Guid findingId, FindingEditRequest request, ClaimsPrincipal user, AuditReportService s,
                Problems p, CancellationToken ct) =>
                (await s.EditFindingAsync(user, id, findingId, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);

        // Withdraws it (kept, out of the report): {version, reason} → 200 the finding with withdrawnAt; 409 when stale or already withdrawn.
        group.MapPost("/surveys/{id:guid}/findings/{findingId:guid}/withdrawal", async (Guid id, Guid findingId, FindingWithdrawRequest request, ClaimsPrincipal user,
                AuditReportService s, Problems p, CancellationToken ct) =>
                (await s.WithdrawFindingAsync(user, id, findingId, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);

        // Its history: the texts it had before each edit, and who withdrew it and why (audited read).
        group.MapGet("/surveys/{id:guid}/findings/{findingId:guid}/history", async (Guid id, Guid findingId, ClaimsPrincipal user, AuditReportService s, Problems p,
                CancellationToken ct) =>
                (await s.HistoryAsync(user, id, findingId, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);

        // The withdrawn findings of an area (the survey's territory when none), newest withdrawal first.
        group.MapGet("/surveys/{id:guid}/findings/withdrawn", async (Guid id, string? area, ClaimsPrincipal user, AuditReportService s, Problems p, CancellationToken ct) =>
                (await s.WithdrawnFindingsAsync(user, id, area, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);
    }
}
