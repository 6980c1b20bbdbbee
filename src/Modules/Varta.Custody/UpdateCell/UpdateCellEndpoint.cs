using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Custody.Cells;
using Varta.Platform.Http;

namespace Varta.Custody.UpdateCell;

internal static class UpdateCellEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/cells/{cellId:guid}", async (Guid cellId, CellRequest request, ClaimsPrincipal user, UpdateCellHandler handler, Problems problems,
                CancellationToken ct) => (await handler.HandleAsync(user, cellId, request, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.ManageCells);
}
