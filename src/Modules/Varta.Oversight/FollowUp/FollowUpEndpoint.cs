using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Queue;
using Varta.Platform.Http;

namespace Varta.Oversight.FollowUp;

internal static class FollowUpEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/queue/{id:guid}/findings/{findingId:guid}/follow-up",
                async (Guid id, Guid findingId, FollowUpRequest request, ClaimsPrincipal user, ReviewQueue q, Problems p, CancellationToken ct) =>
                    (await q.FollowUpAsync(user, id, findingId, request, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.WorkQueue);
}
