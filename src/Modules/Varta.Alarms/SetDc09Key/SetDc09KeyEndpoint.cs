using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.SetDc09Key;

internal static class SetDc09KeyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/devices/{id:guid}/dc09-key", async (Guid id, Dc09KeyRequest r, ClaimsPrincipal user, SetDc09KeyHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.ManageDc09Key);
}
