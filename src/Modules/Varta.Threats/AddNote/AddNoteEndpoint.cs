using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;

namespace Varta.Threats.AddNote;

internal static class AddNoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cases/{id:guid}/notes", async (Guid id, NoteRequest request, ClaimsPrincipal user, CaseService s, Problems p, CancellationToken ct) =>
                (await s.AddNoteAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.WorkCases);
}
