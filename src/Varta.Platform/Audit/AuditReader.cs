using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform.Audit;

public sealed record AuditEntryDto(long Seq, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string ActorId, string ActorName,
    string Action, string Category, string? ResourceType, string? ResourceId, Guid? OrgUnitId, string? Reason, string? Details, string Hash);

public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

internal sealed record AuditFilter(long? Before, int Limit, string? ResourceType, string? ResourceId, string? ActorId);

/// <summary>
/// Reads the audit log under the same scope rules as the resources it is about: an entry filed under an
/// organisation unit is shown to whoever may read the audit log over that unit; entries of no unit (sign-ins,
/// the platform's own) only to those whose scope is the whole country. Asking for a resource outside one's scope
/// is answered as if it did not exist.
/// </summary>
internal sealed class AuditReader(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, CheckpointSigner signer)
{
    /// <summary>A signed checkpoint of the log as it stands now.</summary>
    public Task<AuditCheckpointDto> CheckpointAsync(CancellationToken ct) => signer.CheckpointAsync(db, ct);

    public async Task<Outcome<AuditPage>> ListAsync(ClaimsPrincipal user, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        var visible = await VisibleUnitsAsync(user);
        if (!string.IsNullOrEmpty(filter.ResourceId))
        {
            query = query.Where(e => e.ResourceId == filter.ResourceId);
            if (visible is not null && await query.AnyAsync(e => e.OrgUnitId == null || !visible.Contains(e.OrgUnitId), ct))
            {
                return Outcome<AuditPage>.NotFound();
            }
        }

        if (visible is not null)
        {
            query = query.Where(e => e.OrgUnitId != null && visible.Contains(e.OrgUnitId));
        }

        if (filter.Before is { } before)
        {
            query = query.Where(e => e.Seq < before);
        }

        if (!string.IsNullOrEmpty(filter.ResourceType))
        {
            query = query.Where(e => e.ResourceType == filter.ResourceType);
        }

        if (!string.IsNullOrEmpty(filter.ActorId))
        {
            query = query.Where(e => e.ActorId == filter.ActorId);
        }

        var rows = await query.OrderByDescending(e => e.Seq).Take(filter.Limit).ToListAsync(ct);
        var items = rows.Select(ToDto).ToList();
        return Outcome<AuditPage>.Ok(new AuditPage(items, items.Count == filter.Limit ? items[^1].Seq : null));
    }

    /// <summary>The units whose entries the user may read, or null for all of them (a national scope).</summary>
    private async Task<List<string>?> VisibleUnitsAsync(ClaimsPrincipal user)
    {
        var tree = org.Current;
        foreach (var root in tree.Nodes.Where(n => n.ParentId is null))
        {
            if (await authorization.AllowsAsync(user, PlatformPolicies.ReadAudit, root.Id))
            {
                return null;
            }
        }

        var units = new List<string>();
        foreach (var node in tree.Nodes)
        {
            if (await authorization.AllowsAsync(user, PlatformPolicies.ReadAudit, node.Id))
            {
                units.Add(node.Id.ToString());
            }
        }

        return units;
    }

    internal static AuditEntryDto ToDto(AuditEntry e) => new(e.Seq, AuditHasher.FromMicros(e.OccurredAtUs), AuditHasher.FromMicros(e.RecordedAtUs),
        e.ActorId, e.ActorName, e.Action, e.Category, e.ResourceType, e.ResourceId,
        Guid.TryParse(e.OrgUnitId, out var unit) ? unit : null, e.Reason, e.Details, Convert.ToHexStringLower(e.Hash));
}
