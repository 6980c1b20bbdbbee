using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Measures;
using Varta.Threats.Contracts;

namespace Varta.Threats.SaveMeasureType;

internal static class SaveMeasureTypeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/measure-types", async (MeasureTypeRequest request, MeasureService s, Problems p, CancellationToken ct) =>
                (await s.SaveTypeAsync(request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ManageCatalogue);
}
