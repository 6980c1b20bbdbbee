using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Oversight.SubjectExport;

internal static class SubjectExportEndpoint
{
    /// <summary>The API route (bearer token): <c>?format=json</c> (the default) or <c>pdf</c>.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/people/{personId:guid}/export", ExportAsync).RequireAuthorization(OversightPolicies.ExportSubject);

    /// <summary>The same file for a signed-in page user (cookie): what the pages link to.</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/people/{personId:guid}/export", ExportAsync).RequireAuthorization(OversightPolicies.ExportSubject);

    private static async Task<IResult> ExportAsync(Guid personId, string? format, ClaimsPrincipal user, SubjectExportHandler handler, Problems problems,
        CancellationToken ct)
    {
        var export = await handler.ExportAsync(user, personId, format, ct);
        return export.IsOk
            ? TypedResults.File(export.Value!.Content, export.Value.ContentType, export.Value.FileName)
            : export.Problem(problems);
    }
}
