using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;
using Varta.Platform.Http;

namespace Varta.Oversight.GrantRecord;

internal static class GrantRecordEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/my-grants/{grantId:guid}/records/{recordId:guid}", async (Guid grantId, Guid recordId, ClaimsPrincipal user, GrantService s, Problems p, CancellationToken ct) =>
                (await s.RecordAsync(user, grantId, recordId, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
