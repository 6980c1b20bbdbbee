using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Sessions;

namespace Varta.Training.RecordSession;

internal static class RecordSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions", async (SessionRequest request, ClaimsPrincipal user, SessionService s, Problems p, CancellationToken ct) =>
                (await s.CreateAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Teach);
}
