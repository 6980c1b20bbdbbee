using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Custody.Cameras;
using Varta.Platform.Http;

namespace Varta.Custody.ListCameras;

internal static class ListCamerasEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/facilities/{facilityId:guid}/cameras", async (Guid facilityId, ClaimsPrincipal user, CameraRegistry registry, Problems problems, CancellationToken ct) =>
                (await registry.ListAsync(user, facilityId, ct)).OkOrProblem(problems))
            .RequireAuthorization(CustodyPolicies.ReadFacilities);
}
