using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

public sealed record AuditEntryDto(long Seq, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string ActorId, string ActorName,
    string Action, string Category, string? ResourceType, string? ResourceId, Guid? OrgUnitId, string? Reason, string? Details, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(PlatformPolicies.ReadAudit);
        audit.MapGet("/verify", async (AuditVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(null, ct)));
        audit.MapGet("/checkpoint", async (CheckpointSigner signer, VartaDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await signer.CheckpointAsync(db, ct)));
        audit.MapGet("/entries", ListAsync);
    }

    /// <summary>Newest first, paged backwards by sequence number; filters by resource and actor.</summary>
    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        VartaDbContext db, Problems problems, Loc loc, CancellationToken ct,
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

        var query = db.AuditEntries.AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(e => e.Seq < b);
        }

        if (!string.IsNullOrEmpty(resourceType))
        {
            query = query.Where(e => e.ResourceType == resourceType);
        }

        if (!string.IsNullOrEmpty(resourceId))
        {
            query = query.Where(e => e.ResourceId == resourceId);
        }

        if (!string.IsNullOrEmpty(actorId))
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        var rows = await query.OrderByDescending(e => e.Seq).Take(limit).ToListAsync(ct);
        var items = rows.Select(ToDto).ToList();
        return TypedResults.Ok(new AuditPage(items, items.Count == limit ? items[^1].Seq : null));
    }

    internal static AuditEntryDto ToDto(AuditEntry e) => new(e.Seq, AuditHasher.FromMicros(e.OccurredAtUs), AuditHasher.FromMicros(e.RecordedAtUs),
        e.ActorId, e.ActorName, e.Action, e.Category, e.ResourceType, e.ResourceId,
        Guid.TryParse(e.OrgUnitId, out var unit) ? unit : null, e.Reason, e.Details, Convert.ToHexStringLower(e.Hash));
}
