using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Queue;
using Varta.Platform.Http;

namespace Varta.Oversight.AddFinding;

internal static class AddFindingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/queue/{id:guid}/findings", async (Guid id, FindingRequest request, ClaimsPrincipal user, ReviewQueue q, Problems p, CancellationToken ct) =>
                (await q.AddFindingAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.WorkQueue);
}
