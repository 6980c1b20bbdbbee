using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Journal;

namespace Varta.Training.CommentJournal;

internal static class CommentJournalEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/journal/{id:guid}/comments", async (Guid id, CommentRequest request, ClaimsPrincipal user, JournalService s, Problems p, CancellationToken ct) =>
                (await s.CommentAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.Teach);
}
