using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Threats.Assessments;
using Varta.Threats.Contracts;

namespace Varta.Threats.ReviewAssessment;

internal static class ReviewAssessmentEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/assessments/{id:guid}/review", async (Guid id, ReviewRequest request, ClaimsPrincipal user, AssessmentService s, Problems p, CancellationToken ct) =>
                (await s.ReviewAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(ThreatsPolicies.ReviewAssessments);
}
