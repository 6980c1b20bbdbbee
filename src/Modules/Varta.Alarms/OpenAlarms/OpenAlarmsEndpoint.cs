using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.OpenAlarms;

internal static class OpenAlarmsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/open", async (ClaimsPrincipal user, OpenAlarmsHandler h, CancellationToken ct) => TypedResults.Ok(await h.HandleAsync(user, ct)))
            .RequireAuthorization(AlarmsPolicies.Console);
}
