using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Visits;
using Varta.Platform.Http;

namespace Varta.Oversight.StartVisit;

internal static class StartVisitEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/my-grants/{grantId:guid}/visits", async (Guid grantId, VisitStartRequest request, ClaimsPrincipal user, VisitService s, Problems p, CancellationToken ct) =>
                (await s.StartAsync(user, grantId, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.UseGrant);
}
