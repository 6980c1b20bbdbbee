using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Custody.Cameras;
using Varta.Platform.Http;

namespace Varta.Custody.AddCamera;

internal static class AddCameraEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/facilities/{facilityId:guid}/cameras", async (Guid facilityId, CameraRequest request, ClaimsPrincipal user, CameraRegistry registry,
                Problems problems, CancellationToken ct) =>
                (await registry.AddAsync(user, facilityId, request, ct)).OkOrProblem(problems))
            .RequireAuthorization(CustodyPolicies.ManageCells);
}
