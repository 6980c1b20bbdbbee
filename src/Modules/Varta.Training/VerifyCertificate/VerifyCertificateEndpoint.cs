using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Certificates;

namespace Varta.Training.VerifyCertificate;

internal static class VerifyCertificateEndpoint
{
    /// <summary>
    /// Anyone holding a certificate's code may check it (an employer, a court): genuine or not, the holder's name only,
    /// the course and the dates. Reviewed opt-out of sign-in: the code is the secret (12 characters of 31, about 2^59).
    /// </summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/verify/{code}", async (string code, CertificateService s, CancellationToken ct) => TypedResults.Ok(await s.VerifyAsync(code, ct)))
            .AllowAnonymous().RequireRateLimiting(Throttling.PublicPolicy);
}
