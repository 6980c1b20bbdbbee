using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Visits;
using Varta.Platform.Http;

namespace Varta.Oversight.GetVisit;

internal static class GetVisitEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/visits/{id:guid}", async (Guid id, ClaimsPrincipal user, VisitService s, Problems p, CancellationToken ct) =>
                (await s.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
