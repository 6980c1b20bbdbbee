using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.Alerts;

internal static class AlertsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/alerts", async (Guid? facilityId, ClaimsPrincipal user, OpenAlertsQuery query, Problems problems, CancellationToken ct) =>
            facilityId is { } f ? (await query.ReadAsync(user, f, ct)).ToOk(problems) : problems.NotFound())
            .RequireAuthorization(CustodyPolicies.ReadAlerts);
}
