using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.GetAlarm;

internal static class GetAlarmEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, GetAlarmHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.Console);
}
