using Microsoft.EntityFrameworkCore;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

/// <summary>One link of the audit chain, as a printed document cites it: its place in the chain and its hash (hex).</summary>
public sealed record AuditAnchor(long Seq, string Hash, string Action, DateTimeOffset RecordedAt);

/// <summary>One read of personal data, as the person it is about is told of it: who, what, when, about which resource.</summary>
public sealed record AuditView(long Seq, DateTimeOffset At, string ActorName, string Action, string? ResourceType, string? ResourceId);

/// <summary>
/// What a module may cite of the audit log without reading it whole: the latest entry about a resource and the latest
/// stored signed checkpoint, which together anchor a printed document in the chain.
/// </summary>
public interface IAuditAnchors
{
    /// <summary>The newest entry about the resource, or null when there is none.</summary>
    Task<AuditAnchor?> LatestAboutAsync(string resourceType, string resourceId, CancellationToken cancellationToken);

    /// <summary>The newest stored signed checkpoint (tree head), or null when none has been stored yet.</summary>
    Task<AuditCheckpointDto?> LatestCheckpointAsync(CancellationToken cancellationToken);
}

/// <summary>Who read data about given resources, and when: for a data-subject export. No scope check: the caller decides.</summary>
public interface IAuditViews
{
    /// <summary>
    /// The reads (category "read") about the resources of the given types and ids, newest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<AuditView>> ReadsAboutAsync(IReadOnlyCollection<string> resourceTypes, IReadOnlyCollection<string> resourceIds, int limit,
        CancellationToken cancellationToken);
}

internal sealed class AuditAnchors(VartaDbContext db, CheckpointSigner signer) : IAuditAnchors, IAuditViews
{
    private static readonly string Read = AuditCategory.Read.ToString().ToLowerInvariant();

    public async Task<AuditAnchor?> LatestAboutAsync(string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.ResourceType == resourceType && e.ResourceId == resourceId)
            .OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash, e.Action, e.RecordedAtUs }).FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null : new AuditAnchor(entry.Seq, Convert.ToHexStringLower(entry.Hash), entry.Action, AuditHasher.FromMicros(entry.RecordedAtUs));
    }

    public async Task<AuditCheckpointDto?> LatestCheckpointAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken);
        return checkpoint is null
            ? null
            : new AuditCheckpointDto(checkpoint.TreeSize, Convert.ToHexStringLower(checkpoint.RootHash), Convert.ToBase64String(checkpoint.Signature),
                signer.PublicKeyPem, AuditHasher.FromMicros(checkpoint.SignedAtUs));
    }

    public async Task<IReadOnlyList<AuditView>> ReadsAboutAsync(IReadOnlyCollection<string> resourceTypes, IReadOnlyCollection<string> resourceIds,
        int limit, CancellationToken cancellationToken)
    {
        if (resourceIds.Count == 0 || resourceTypes.Count == 0)
        {
            return [];
        }

        var types = resourceTypes.ToList();
        var ids = resourceIds.ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => types.Contains(e.ResourceType!) && ids.Contains(e.ResourceId!) && e.Category == Read)
            .OrderByDescending(e => e.Seq).Take(limit)
            .Select(e => new { e.Seq, e.OccurredAtUs, e.ActorName, e.Action, e.ResourceType, e.ResourceId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AuditView(r.Seq, AuditHasher.FromMicros(r.OccurredAtUs), r.ActorName, r.Action, r.ResourceType, r.ResourceId)).ToList();
    }
}
