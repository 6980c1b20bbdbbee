using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.Board;

internal static class BoardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/board", async (Guid? facilityId, ClaimsPrincipal user, BoardQuery query, Problems problems, CancellationToken ct) =>
            facilityId is { } f ? (await query.ReadAsync(user, f, ct)).ToOk(problems) : problems.NotFound())
            .RequireAuthorization(CustodyPolicies.ReadBoard);
}
