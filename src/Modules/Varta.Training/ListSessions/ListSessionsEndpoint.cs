using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Sessions;

namespace Varta.Training.ListSessions;

internal static class ListSessionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sessions", async (ClaimsPrincipal user, SessionService s, CancellationToken ct) =>
                TypedResults.Ok(await s.ListAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
