using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Cases;

namespace Varta.Threats.ListCases;

/// <summary>
/// The analysts' case list: <c>status</c> (a status, or "open"), <c>priority</c>, <c>risk</c>, <c>overdue=true</c>,
/// <c>mine=true</c>, <c>court</c> (a court or a unit above courts), <c>q</c> (number, summary, court case), <c>limit</c>
/// (1–200, 50 by default) and <c>after</c> (the <c>next</c> of the previous page).
/// </summary>
internal static class ListCasesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cases", async (string? status, string? priority, string? risk, bool? overdue, bool? mine, Guid? court, string? q, string? after, int? limit,
                    ClaimsPrincipal user, CaseService s, Problems p, CancellationToken ct) =>
                (await s.ListAsync(user, new CaseService.Filter(status, priority, risk, overdue, mine, court, q, after, limit), ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReadCases);
}
