using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Advisories;
using Varta.Threats.Contracts;

namespace Varta.Threats.FileHealthNotice;

internal static class FileHealthNoticeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/health-notices", async (HealthNoticeRequest request, ClaimsPrincipal user, AdvisoryService s, Problems p, CancellationToken ct) =>
                (await s.FileNoticeAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.FileHealthNotices);
}
