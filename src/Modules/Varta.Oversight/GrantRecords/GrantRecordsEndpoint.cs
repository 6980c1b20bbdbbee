using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;
using Varta.Platform.Http;

namespace Varta.Oversight.GrantRecords;

internal static class GrantRecordsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-grants/{grantId:guid}/records", async (Guid grantId, ClaimsPrincipal user, GrantService s, Problems p, CancellationToken ct) =>
                (await s.RecordsAsync(user, grantId, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
