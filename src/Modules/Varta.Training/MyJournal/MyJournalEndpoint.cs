using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Journal;

namespace Varta.Training.MyJournal;

internal static class MyJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/journal", async (ClaimsPrincipal user, JournalService s, CancellationToken ct) =>
                TypedResults.Ok(await s.MineAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Learn);
}
