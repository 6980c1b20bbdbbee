using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Measures;
using Varta.Threats.Contracts;

namespace Varta.Threats.SetMeasureStatus;

internal static class SetMeasureStatusEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/measures/{id:guid}/status", async (Guid id, MeasureStatusRequest request, ClaimsPrincipal user, MeasureService s, Problems p, CancellationToken ct) =>
                (await s.SetStatusAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageMeasures);
}
