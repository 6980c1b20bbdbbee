using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.ResolveAlarm;

internal static class ResolveAlarmEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/resolve", async (Guid id, ResolveRequest r, ClaimsPrincipal user, ResolveAlarmHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.HandleAlarm);
}
