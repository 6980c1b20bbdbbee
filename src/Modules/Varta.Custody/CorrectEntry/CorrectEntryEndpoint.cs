using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.CorrectEntry;

internal static class CorrectEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/records/{id:guid}/entries/{entryId:guid}/corrections", async (Guid id, Guid entryId, CorrectEntryRequest request,
                ClaimsPrincipal user, CorrectEntryHandler handler, Problems problems, CancellationToken ct) =>
            (await handler.HandleAsync(user, id, entryId, request, ct)).ToCreated(problems, _ => $"/api/v1/custody/records/{id}"))
            .RequireAuthorization(CustodyPolicies.CorrectEntry);
}
