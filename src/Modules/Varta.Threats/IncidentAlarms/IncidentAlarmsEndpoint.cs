using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Threats.Incidents;

namespace Varta.Threats.IncidentAlarms;

internal static class IncidentAlarmsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/incidents/alarms", async (ClaimsPrincipal user, IncidentService s, CancellationToken ct) =>
                TypedResults.Ok(await s.AlarmsAsync(user, ct)))
            .RequireAuthorization(ThreatsPolicies.ManageIncidents);
}
