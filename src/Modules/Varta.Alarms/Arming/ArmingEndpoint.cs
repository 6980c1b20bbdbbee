using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.Arming;

/// <summary>A building's arming schedule: those who see its devices read it; its administrators change it.</summary>
internal static class ArmingEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/sites/{siteId:guid}/arming", async (Guid siteId, ClaimsPrincipal user, GetArmingHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, siteId, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.ReadArming);
        group.MapPut("/sites/{siteId:guid}/arming", async (Guid siteId, ArmingRequest r, ClaimsPrincipal user, SetArmingHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, siteId, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.ManageArming);
    }
}
