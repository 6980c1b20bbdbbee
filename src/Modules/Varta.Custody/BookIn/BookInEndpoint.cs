using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.BookIn;

internal static class BookInEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/records", async (BookInRequest request, ClaimsPrincipal user, BookInHandler handler, Problems problems, CancellationToken ct) =>
            (await handler.HandleAsync(user, request, ct)).ToCreated(problems, r => $"/api/v1/custody/records/{r.Id}"))
            .RequireAuthorization(CustodyPolicies.BookIn);
}
