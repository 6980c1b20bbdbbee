using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Grants;

namespace Varta.Oversight.GranteeCandidates;

internal static class GranteeCandidatesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/grants/candidates", async (GrantService s, CancellationToken ct) =>
                TypedResults.Ok(await s.CandidatesAsync(ct)))
            .RequireAuthorization(OversightPolicies.ManageGrants);
}
