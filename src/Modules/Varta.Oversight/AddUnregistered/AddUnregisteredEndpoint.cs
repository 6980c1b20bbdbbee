using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Visits;
using Varta.Platform.Http;

namespace Varta.Oversight.AddUnregistered;

internal static class AddUnregisteredEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/visits/{id:guid}/unregistered", async (Guid id, VisitUnregisteredRequest request, ClaimsPrincipal user, VisitService s, Problems p, CancellationToken ct) =>
                (await s.AddUnregisteredAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
