using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Teaching;

namespace Varta.Training.PeopleProgress;

internal static class PeopleProgressEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/people", async (Guid? unitId, bool? overdue, ClaimsPrincipal user, TeachingService s, Problems p, CancellationToken ct) =>
                (await s.ProgressAsync(user, unitId, overdue ?? false, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.ReadPeople);
}
