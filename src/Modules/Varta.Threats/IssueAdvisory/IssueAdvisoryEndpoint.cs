using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Advisories;
using Varta.Threats.Contracts;

namespace Varta.Threats.IssueAdvisory;

internal static class IssueAdvisoryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/advisories", async (AdvisoryRequest request, ClaimsPrincipal user, AdvisoryService s, Problems p, CancellationToken ct) =>
                (await s.IssueAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.IssueAdvisories);
}
