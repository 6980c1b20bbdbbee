using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;

namespace Varta.Threats.AddPerson;

internal static class AddPersonEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cases/{id:guid}/persons", async (Guid id, PersonRequest request, ClaimsPrincipal user, CaseService s, Problems p, CancellationToken ct) =>
                (await s.AddPersonAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.WorkCases);
}
