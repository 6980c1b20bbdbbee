using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Measures;

namespace Varta.Threats.ListMeasureTypes;

internal static class ListMeasureTypesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/measure-types", async (bool? all, ClaimsPrincipal user, MeasureService s, CancellationToken ct) =>
                TypedResults.Ok(await s.TypesAsync(all != true, ct)))
            .RequireAuthorization(ThreatsPolicies.ReadCatalogue);
}
