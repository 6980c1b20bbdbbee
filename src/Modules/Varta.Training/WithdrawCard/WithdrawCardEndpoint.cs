using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.WithdrawCard;

internal static class WithdrawCardEndpoint
{
    /// <summary><c>PUT /cards/{id}/retired {retired}</c>: a trainer withdraws a lesson's shared card from every deck, or brings it back.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/cards/{id:guid}/retired", async (Guid id, CardRetiredRequest request, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
                (await s.SetCardRetiredAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
