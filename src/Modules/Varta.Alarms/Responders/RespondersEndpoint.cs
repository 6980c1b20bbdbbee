using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.Responders;

internal static class RespondersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sites/{siteId:guid}/responders", async (Guid siteId, ClaimsPrincipal user, RespondersHandler h, Problems p, CancellationToken ct) =>
                await h.HandleAsync(user, siteId, ct) is { } list ? Results.Ok(list) : p.NotFound())
            .RequireAuthorization(AlarmsPolicies.ReadResponders);
}
