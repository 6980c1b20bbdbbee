using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Footage;
using Varta.Platform.Http;

namespace Varta.Oversight.RequestFootage;

internal static class RequestFootageEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/footage-requests", async (FootageRequestBody body, ClaimsPrincipal user, FootageService s, Problems p, CancellationToken ct) =>
                (await s.RequestAsync(user, body, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.RequestFootage);
}
