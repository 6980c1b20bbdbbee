using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Certificates;

namespace Varta.Training.CertificateFile;

internal static class CertificateFileEndpoint
{
    /// <summary>The caller's own certificate as PDF (404 for anyone else's; 409 once revoked), with the address that verifies it.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/certificates/{id:guid}/pdf", PdfAsync).RequireAuthorization(TrainingPolicies.Learn);

    /// <summary>The same file for a signed-in page user (cookie, which the API does not take): what the pages link to.</summary>
    public static void MapDownload(RouteGroupBuilder pages) =>
        pages.MapGet("/certificates/{id:guid}/pdf", PdfAsync).RequireAuthorization(TrainingPolicies.Learn);

    private static async Task<IResult> PdfAsync(Guid id, HttpContext http, ClaimsPrincipal user, CertificateService s, Problems p, CancellationToken ct)
    {
        var certificate = await s.OwnAsync(user, id, ct);
        if (certificate is null)
        {
            return Outcome<byte[]>.NotFound().Problem(p);
        }

        if (certificate.RevokedAt is { } revoked)
        {
            // A revoked certificate is not handed out again: a printed copy would still look valid (its QR code does not).
            return Outcome<byte[]>.Conflict("training.certificate-revoked-file", CertificateRevocation.Day(revoked)).Problem(p);
        }

        var url = $"{http.Request.Scheme}://{http.Request.Host}/verify/{CertificateService.Grouped(certificate.Code)}";
        return Results.File(CertificatePdf.Render(certificate, url), "application/pdf", $"varta-certificate-{certificate.Code}.pdf");
    }
}
