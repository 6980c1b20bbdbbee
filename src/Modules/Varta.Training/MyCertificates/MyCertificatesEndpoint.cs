using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Certificates;

namespace Varta.Training.MyCertificates;

internal static class MyCertificatesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/certificates/mine", async (ClaimsPrincipal user, CertificateService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
