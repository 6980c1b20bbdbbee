using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Authoring;

namespace Varta.Training.ExportGift;

internal static class ExportGiftEndpoint
{
    /// <summary>The lesson's bank in one language as a GIFT file (UTF-8), as Moodle imports it.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/lessons/{id:guid}/questions/gift", async (Guid id, string? language, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct) =>
            {
                var outcome = await s.ExportGiftAsync(user, id, language, ct);
                return outcome.IsOk
                    ? Results.File(Encoding.UTF8.GetBytes(outcome.Value!), "text/plain; charset=utf-8", $"questions-{language}.gift")
                    : outcome.Problem(p);
            })
            .RequireAuthorization(TrainingPolicies.EditCourses);
}
