using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.AppendEntry;

internal static class AppendEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/records/{id:guid}/entries", async (Guid id, AppendEntryRequest request, ClaimsPrincipal user, AppendEntryHandler handler,
                Problems problems, CancellationToken ct) =>
            (await handler.HandleAsync(user, id, request, ct)).ToCreated(problems, _ => $"/api/v1/custody/records/{id}"))
            .RequireAuthorization(CustodyPolicies.AppendEntry);
}
