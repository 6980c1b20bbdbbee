using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Training.Certificates;

namespace Varta.Training.RevokeCertificate;

internal static class RevokeCertificateEndpoint
{
    /// <summary>A trainer or an administrator over the holder's unit withdraws a certificate, with a reason (3–500 characters); once.</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/certificates/{id:guid}/revoke", async (Guid id, RevokeRequest request, ClaimsPrincipal user, CertificateRevocation s, Problems p, CancellationToken ct) =>
                (await s.RevokeAsync(user, id, request, ct)).OkOrProblem(p))
            .RequireAuthorization(TrainingPolicies.RevokeCertificates);
}
