using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Advisories;

namespace Varta.Threats.ConfirmAdvisory;

internal static class ConfirmAdvisoryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/advisories/{id:guid}/read", async (Guid id, ClaimsPrincipal user, AdvisoryService s, Problems p, CancellationToken ct) =>
                (await s.ConfirmAsync(user, AdvisoryService.AdvisoryItem, id, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReadOwnProtection);
}
