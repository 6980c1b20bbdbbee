using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Assessments;
using Varta.Threats.Contracts;

namespace Varta.Threats.Assess;

internal static class AssessEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/cases/{id:guid}/assessments", async (Guid id, AssessmentRequest request, ClaimsPrincipal user, AssessmentService s, Problems p, CancellationToken ct) =>
                (await s.AssessAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.WorkCases);
}
