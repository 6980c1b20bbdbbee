using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.AcknowledgeAlarm;

internal static class AcknowledgeAlarmEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/acknowledge", async (Guid id, ClaimsPrincipal user, AcknowledgeAlarmHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.HandleAlarm);
}
