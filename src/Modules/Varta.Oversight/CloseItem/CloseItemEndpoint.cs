using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Queue;
using Varta.Platform.Http;

namespace Varta.Oversight.CloseItem;

internal static class CloseItemEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/queue/{id:guid}/close", async (Guid id, CloseRequest request, ClaimsPrincipal user, ReviewQueue q, Problems p, CancellationToken ct) =>
                (await q.CloseAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.WorkQueue);
}
