using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Oversight.Contracts;
using Varta.Oversight.Footage;
using Varta.Platform.Http;

namespace Varta.Oversight.DecideFootage;

internal static class DecideFootageEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/footage-requests/{id:guid}/decision", async (Guid id, FootageDecisionBody body, ClaimsPrincipal user, FootageService s, Problems p, CancellationToken ct) =>
                (await s.DecideAsync(user, id, body, ct)).OkOrProblem(p))
            .RequireAuthorization(OversightPolicies.DecideFootage);
}
