using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Journal;

namespace Varta.Training.WriteJournal;

internal static class WriteJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/journal", async (JournalRequest request, ClaimsPrincipal user, JournalService s, Problems p, CancellationToken ct) =>
                (await s.WriteAsync(user, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
