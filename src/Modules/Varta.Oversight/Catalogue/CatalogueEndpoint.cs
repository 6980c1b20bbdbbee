using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Queue;

namespace Varta.Oversight.Catalogue;

internal static class CatalogueEndpoint
{
    /// <summary>The queue's rules and the violation types a finding may name.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/catalogue", () => TypedResults.Ok(new { rules = ReviewRules.All, violationTypes = ViolationTypes.All }))
            .RequireAuthorization(OversightPolicies.ReadQueue);
}
