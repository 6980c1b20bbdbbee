using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.ChangeFacilitySettings;

internal static class ChangeFacilitySettingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/facilities/{facilityId:guid}/settings", async (Guid facilityId, FacilitySettingsRequest request, ClaimsPrincipal user,
                ChangeFacilitySettingsHandler handler, Problems problems, CancellationToken ct) =>
            (await handler.HandleAsync(user, facilityId, request, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.ManageSettings);
}
