using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.ListDuty;

internal static class ListDutyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sites/{siteId:guid}/duty", async (Guid siteId, ClaimsPrincipal user, ListDutyHandler h, Problems p, CancellationToken ct, string? from, string? to) =>
                (await h.HandleAsync(user, siteId, from, to, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.ReadDuty);
}
