using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Cases;
using Varta.Threats.Contracts;

namespace Varta.Threats.UpdateCase;

internal static class UpdateCaseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cases/{id:guid}", async (Guid id, CaseUpdateRequest request, ClaimsPrincipal user, CaseService s, Problems p, CancellationToken ct) =>
                (await s.UpdateAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.WorkCases);
}
