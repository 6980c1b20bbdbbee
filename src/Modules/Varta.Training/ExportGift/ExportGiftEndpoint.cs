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
        group.MapGet("/lessons/{id:guid}/questions/gift", ExportAsync).RequireAuthorization(TrainingPolicies.EditCourses);

    /// <summary>The same file for a signed-in page user (cookie, which the API does not take): what the lesson editor links to.</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/lessons/{id:guid}/questions/gift", ExportAsync).RequireAuthorization(TrainingPolicies.EditCourses);

    private static async Task<IResult> ExportAsync(Guid id, string? language, ClaimsPrincipal user, AuthoringService s, Problems p, CancellationToken ct)
    {
        var outcome = await s.ExportGiftAsync(user, id, language, ct);
        return outcome.IsOk
            ? Results.File(Encoding.UTF8.GetBytes(outcome.Value!), "text/plain; charset=utf-8", $"questions-{language}.gift")
            : outcome.Problem(p);
    }
}
