using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Visits;
using Varta.Platform.Http;

namespace Varta.Oversight.MarkVisitLine;

internal static class MarkVisitLineEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/visits/{id:guid}/lines/{lineId:guid}", async (Guid id, Guid lineId, VisitMarkRequest request, ClaimsPrincipal user, VisitService s, Problems p, CancellationToken ct) =>
                (await s.MarkAsync(user, id, lineId, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
