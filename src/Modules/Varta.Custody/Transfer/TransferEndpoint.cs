using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.Transfer;

internal static class TransferEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/records/{id:guid}/transfer", async (Guid id, TransferRequest request, ClaimsPrincipal user, TransferHandler handler, Problems problems,
                CancellationToken ct) => (await handler.HandleAsync(user, id, request, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.Transfer);
}
