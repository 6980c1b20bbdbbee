using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Queue;
using Varta.Platform.Http;

namespace Varta.Oversight.GetItem;

internal static class GetItemEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/queue/{id:guid}", async (Guid id, ClaimsPrincipal user, ReviewQueue q, Problems p, CancellationToken ct) =>
                (await q.GetAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.ReadQueue);
}
