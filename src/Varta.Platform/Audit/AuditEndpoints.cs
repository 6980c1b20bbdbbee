using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;

namespace Varta.Platform.Audit;

internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/verify", async (AuditVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(null, ct)))
            .RequireAuthorization(PlatformPolicies.ReadAudit);
        // What an outside monitor polls and keeps: a signed tree head (no personal data), also written outside the database.
        audit.MapGet("/checkpoint", async (AuditReader reader, CancellationToken ct) => TypedResults.Ok(await reader.CheckpointAsync(ct)))
            .RequireAuthorization(PlatformPolicies.AuditCheckpoint);
        audit.MapGet("/entries", ListAsync).RequireAuthorization(PlatformPolicies.ReadAudit);
    }

    /// <summary>Newest first, paged backwards by sequence number; filters by resource and actor; within the caller's scope.</summary>
    private static async Task<IResult> ListAsync(ClaimsPrincipal user, AuditReader reader, Problems problems, Loc loc, CancellationToken ct,
        long? before = null, int limit = 50, string? resourceType = null, string? resourceId = null, string? actorId = null)
    {
        var validator = new Validator(loc);
        if (limit is < 1 or > 500)
        {
            validator.Fail("limit", "range", 1, 500);
        }

        if (!validator.IsValid)
        {
            return problems.Validation(validator);
        }

        var page = await reader.ListAsync(user, new AuditFilter(before, limit, resourceType, resourceId, actorId), ct);
        return page.IsOk ? TypedResults.Ok(page.Value) : page.Problem(problems);
    }
}
