using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Journal;

namespace Varta.Training.ShareJournal;

internal static class ShareJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/journal/{id:guid}/share", async (Guid id, ShareRequest request, ClaimsPrincipal user, JournalService s, Problems p, CancellationToken ct) =>
                (await s.ShareAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
