using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Community.AuditReport;
using Varta.Platform.Http;

namespace Varta.Community.WriteFinding;

internal static class WriteFindingEndpoint
{
    /// <summary>A coordinator writes one of the initiative group's findings for the survey's territory (or an area within it) and period.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/surveys/{id:guid}/findings", async (Guid id, FindingRequest request, ClaimsPrincipal user, AuditReportService s, Problems p, CancellationToken ct) =>
                (await s.AddFindingAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(CommunityPolicies.ManageSurveys);
}
