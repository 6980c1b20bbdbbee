using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Custody.Cells;
using Varta.Platform.Http;

namespace Varta.Custody.AddCell;

internal static class AddCellEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/facilities/{facilityId:guid}/cells", async (Guid facilityId, CellRequest request, ClaimsPrincipal user, AddCellHandler handler,
                Problems problems, CancellationToken ct) =>
            (await handler.HandleAsync(user, facilityId, request, ct)).ToCreated(problems, c => $"/api/v1/custody/cells/{c.Id}"))
            .RequireAuthorization(CustodyPolicies.ManageCells);
}
