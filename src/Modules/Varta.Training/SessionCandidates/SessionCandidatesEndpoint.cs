using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Sessions;

namespace Varta.Training.SessionCandidates;

internal static class SessionCandidatesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/sessions/{id:guid}/candidates", async (Guid id, ClaimsPrincipal user, SessionService s, Problems p, CancellationToken ct) =>
                (await s.CandidatesAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Teach);
}
