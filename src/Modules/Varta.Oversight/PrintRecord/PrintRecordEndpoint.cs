using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Oversight.PrintRecord;

internal static class PrintRecordEndpoint
{
    /// <summary>The API route (bearer token).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/records/{id:guid}/pdf", PrintAsync).RequireAuthorization(OversightPolicies.PrintRecord);

    /// <summary>The same file for a signed-in page user (cookie): what the pages link to.</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/records/{id:guid}/pdf", PrintAsync).RequireAuthorization(OversightPolicies.PrintRecord);

    private static async Task<IResult> PrintAsync(Guid id, ClaimsPrincipal user, PrintRecordHandler handler, Problems problems, CancellationToken ct)
    {
        var printed = await handler.PrintAsync(user, id, ct);
        return printed.IsOk
            ? TypedResults.File(printed.Value!.Content, printed.Value.ContentType, printed.Value.FileName)
            : printed.Problem(problems);
    }
}
