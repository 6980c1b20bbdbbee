using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;

namespace Varta.Platform.Organisation;

public sealed record OrgNode(Guid Id, Guid? ParentId, OrgUnitKind Kind, string? SiteKind, string Name, string NameEn, string Code)
{
    public string DisplayName => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;
}

/// <summary>An immutable snapshot of the organisation tree, used for every scope decision.</summary>
public sealed class OrgTree
{
    private readonly Dictionary<Guid, OrgNode> _nodes;

    public OrgTree(IEnumerable<OrgNode> nodes) => _nodes = nodes.ToDictionary(n => n.Id);

    public IReadOnlyCollection<OrgNode> Nodes => _nodes.Values;

    public OrgNode? Find(Guid id) => _nodes.GetValueOrDefault(id);

    /// <summary>True when <paramref name="unitId"/> is <paramref name="scopeId"/> or lies below it.</summary>
    public bool IsWithin(Guid unitId, Guid scopeId)
    {
        var current = Find(unitId);
        for (var depth = 0; current is not null && depth < 16; depth++)
        {
            if (current.Id == scopeId)
            {
                return true;
            }

            current = current.ParentId is { } parent ? Find(parent) : null;
        }

        return false;
    }

    public IEnumerable<OrgNode> Sites(string? siteKind = null) =>
        _nodes.Values.Where(n => n.Kind == OrgUnitKind.Site && (siteKind is null || n.SiteKind == siteKind))
            .OrderBy(n => n.Name, StringComparer.Ordinal);

    public IEnumerable<OrgNode> Children(Guid? parentId) =>
        _nodes.Values.Where(n => n.ParentId == parentId).OrderBy(n => n.Name, StringComparer.Ordinal);

    public string PathOf(Guid id)
    {
        var parts = new List<string>();
        for (var n = Find(id); n is not null; n = n.ParentId is { } p ? Find(p) : null)
        {
            parts.Add(n.DisplayName);
        }

        parts.Reverse();
        return string.Join(" › ", parts);
    }
}

/// <summary>Holds the current tree; reloaded after a change and periodically, so every host converges.</summary>
public sealed class OrgDirectory(IServiceScopeFactory scopes)
{
    private OrgTree _tree = new([]);

    public OrgTree Current => _tree;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
        var nodes = await db.OrgUnits.AsNoTracking()
            .Select(u => new OrgNode(u.Id, u.ParentId, u.Kind, u.SiteKind, u.Name, u.NameEn, u.Code))
            .ToListAsync(cancellationToken);
        _tree = new OrgTree(nodes);
    }
}
