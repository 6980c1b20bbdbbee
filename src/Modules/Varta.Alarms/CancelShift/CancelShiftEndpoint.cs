using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.CancelShift;

internal static class CancelShiftEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sites/{siteId:guid}/duty/{shiftId:guid}/cancel",
                async (Guid siteId, Guid shiftId, DutyCancelRequest r, ClaimsPrincipal user, CancelShiftHandler h, Problems p, CancellationToken ct) =>
                    (await h.HandleAsync(user, siteId, shiftId, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.PlanDuty);
}
