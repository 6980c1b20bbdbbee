using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Training.Journal;

namespace Varta.Training.SharedJournal;

internal static class SharedJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/journal/shared", async (ClaimsPrincipal user, JournalService s, CancellationToken ct) =>
                TypedResults.Ok(await s.SharedAsync(user, ct)))
            .RequireAuthorization(TrainingPolicies.Teach);
}
