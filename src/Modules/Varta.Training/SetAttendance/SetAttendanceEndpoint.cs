using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Sessions;

namespace Varta.Training.SetAttendance;

internal static class SetAttendanceEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/sessions/{id:guid}/attendance", async (Guid id, AttendanceRequest request, ClaimsPrincipal user, SessionService s, Problems p, CancellationToken ct) =>
                (await s.AttendanceAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Teach);
}
