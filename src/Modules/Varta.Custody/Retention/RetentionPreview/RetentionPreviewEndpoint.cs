using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Custody.Retention.RetentionPreview;

internal static class RetentionPreviewEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/retention/preview", async (ClaimsPrincipal user, RetentionPreviewQuery query, CancellationToken ct, int? limit) =>
            TypedResults.Ok(await query.PreviewAsync(user, Math.Clamp(limit ?? 200, 1, 1000), ct)))
            .RequireAuthorization(CustodyPolicies.PreviewRetention);
}
