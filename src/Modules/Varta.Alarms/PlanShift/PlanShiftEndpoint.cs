using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.PlanShift;

internal static class PlanShiftEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sites/{siteId:guid}/duty", async (Guid siteId, DutyShiftRequest r, ClaimsPrincipal user, PlanShiftHandler h, Problems p, CancellationToken ct) =>
            {
                var o = await h.HandleAsync(user, siteId, r, ct);
                return o.IsOk ? TypedResults.Created($"/api/v1/alarms/sites/{siteId}/duty", o.Value) : o.Problem(p);
            })
            .RequireAuthorization(AlarmsPolicies.PlanDuty);
}
