using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Custody.ReadFacilitySettings;

internal static class ReadFacilitySettingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/facilities/{facilityId:guid}/settings", async (Guid facilityId, ClaimsPrincipal user, ReadFacilitySettingsQuery query,
                Problems problems, CancellationToken ct) => (await query.ReadAsync(user, facilityId, ct)).ToOk(problems))
            .RequireAuthorization(CustodyPolicies.ReadSettings);
}
