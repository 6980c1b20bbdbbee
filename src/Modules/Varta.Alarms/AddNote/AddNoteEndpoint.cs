using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.AddNote;

internal static class AddNoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/notes", async (Guid id, NoteRequest r, ClaimsPrincipal user, AddNoteHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.HandleAlarm);
}
