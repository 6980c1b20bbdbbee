using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Grants;
using Varta.Platform.Http;

namespace Varta.Oversight.CreateGrant;

internal static class CreateGrantEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/grants", async (GrantRequest request, ClaimsPrincipal user, GrantService s, Problems p, CancellationToken ct) =>
                (await s.CreateAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.ManageGrants);
}
