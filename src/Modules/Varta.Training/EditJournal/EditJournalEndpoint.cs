using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Journal;

namespace Varta.Training.EditJournal;

internal static class EditJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/journal/{id:guid}", async (Guid id, JournalRequest request, ClaimsPrincipal user, JournalService s, Problems p, CancellationToken ct) =>
                (await s.UpdateAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Learn);
}
