using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.Release;

internal static class ReleaseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/records/{id:guid}/release", async (Guid id, ReleaseRequest request, ClaimsPrincipal user, ReleaseHandler handler, Problems problems,
                CancellationToken ct) => (await handler.HandleAsync(user, id, request, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.Release);
}
