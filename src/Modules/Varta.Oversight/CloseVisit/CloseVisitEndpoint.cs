using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Visits;
using Varta.Platform.Http;

namespace Varta.Oversight.CloseVisit;

internal static class CloseVisitEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/visits/{id:guid}/close", async (Guid id, VisitCloseRequest request, ClaimsPrincipal user, VisitService s, Problems p, CancellationToken ct) =>
                (await s.CloseAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
