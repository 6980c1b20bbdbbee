using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Cases;

namespace Varta.Threats.GetCase;

internal static class GetCaseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/cases/{id:guid}", async (Guid id, ClaimsPrincipal user, CaseService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReadCases);
}
