using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.DispatchAlarm;

internal static class DispatchAlarmEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/dispatch", async (Guid id, DispatchRequest r, ClaimsPrincipal user, DispatchAlarmHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.HandleAlarm);
}
