using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Footage;
using Varta.Platform.Http;

namespace Varta.Oversight.ViewFootage;

internal static class ViewFootageEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/footage-requests/{id:guid}/views", async (Guid id, ClaimsPrincipal user, FootageService s, Problems p, CancellationToken ct) =>
                (await s.ViewAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.RequestFootage);
}
