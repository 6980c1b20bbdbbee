using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Grants;
using Varta.Platform.Http;

namespace Varta.Oversight.RevokeGrant;

internal static class RevokeGrantEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/grants/{id:guid}/revoke", async (Guid id, RevokeRequest request, ClaimsPrincipal user, GrantService s, Problems p, CancellationToken ct) =>
                (await s.RevokeAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.ManageGrants);
}
