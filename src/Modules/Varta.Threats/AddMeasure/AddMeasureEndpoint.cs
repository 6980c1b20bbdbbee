using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Measures;
using Varta.Threats.Contracts;

namespace Varta.Threats.AddMeasure;

internal static class AddMeasureEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cases/{id:guid}/measures", async (Guid id, MeasureRequest request, ClaimsPrincipal user, MeasureService s, Problems p, CancellationToken ct) =>
                (await s.AddAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageMeasures);
}
