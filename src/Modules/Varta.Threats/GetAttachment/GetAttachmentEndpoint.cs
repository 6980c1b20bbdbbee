using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Varta.Platform.Http;
using Varta.Threats.Intake;

namespace Varta.Threats.GetAttachment;

/// <summary>
/// An attachment as a download, never inline: Content-Disposition attachment, the type found from its content,
/// no sniffing, and a sandbox so that even a browser that opened it would run nothing. The SHA-256 goes with it.
/// </summary>
internal static class GetAttachmentEndpoint
{
    /// <summary>The API route (bearer token).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/attachments/{id:guid}", DownloadAsync).RequireAuthorization(ThreatsPolicies.FileReport);

    /// <summary>The same file for a signed-in page user (cookie).</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/attachments/{id:guid}", DownloadAsync).RequireAuthorization(ThreatsPolicies.FileReport);

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, ClaimsPrincipal user, IntakeService s, Problems p, CancellationToken ct)
    {
        var found = await s.AttachmentAsync(user, id, ct);
        if (!found.IsOk)
        {
            return found.Problem(p);
        }

        var a = found.Value!;
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        http.Response.Headers["X-Content-SHA256"] = a.Sha256;
        http.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.File(a.Content, a.ContentType, a.FileName);
    }
}
