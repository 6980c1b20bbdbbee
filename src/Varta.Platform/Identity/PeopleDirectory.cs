using Microsoft.EntityFrameworkCore;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

public sealed record PersonRef(Guid UserId, string Username, string DisplayName);

/// <summary>A person working within a unit: their roles there, the unit of their first assignment, and since when they have an account.</summary>
public sealed record PersonInUnit(Guid UserId, string Username, string DisplayName, IReadOnlyList<string> Roles, Guid ScopeId, DateTime AccountCreatedAt);

/// <summary>Who holds a role over a unit: how modules find people (responders, inspectors) without the platform's tables.</summary>
public sealed class PeopleDirectory(VartaDbContext db, OrgDirectory org)
{
    private static readonly Func<VartaDbContext, Guid, IAsyncEnumerable<NamedRole>> NameAndRoles =
        EF.CompileAsyncQuery((VartaDbContext db, Guid userId) =>
            from u in db.Users.AsNoTracking()
            where u.Id == userId && u.IsActive
            join a in db.RoleAssignments.AsNoTracking() on u.Id equals a.UserId into held
            from a in held.DefaultIfEmpty()
            select new NamedRole(u.DisplayName, (string?)a!.Role, (Guid?)a.ScopeId));

    private sealed record NamedRole(string DisplayName, string? Role, Guid? Scope);

    public async Task<IReadOnlyList<PersonRef>> WithRoleOverAsync(string role, Guid unitId, CancellationToken ct)
    {
        var rows = await (from a in db.RoleAssignments.AsNoTracking()
                          join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                          where a.Role == role && u.IsActive
                          select new { u.Id, u.UserName, u.DisplayName, a.ScopeId }).ToListAsync(ct);
        return rows.Where(r => org.Current.IsWithin(unitId, r.ScopeId))
            .GroupBy(r => r.Id).Select(g => g.First())
            .OrderBy(r => r.DisplayName, StringComparer.Ordinal)
            .Select(r => new PersonRef(r.Id, r.UserName ?? "", r.DisplayName)).ToList();
    }

    /// <summary>
    /// Every active user who works within <paramref name="unitId"/> (holds some role scoped to it or to a unit below it),
    /// with the roles they hold there and when their account was made: a trainer's or a unit head's people.
    /// </summary>
    public async Task<IReadOnlyList<PersonInUnit>> WithinAsync(Guid unitId, CancellationToken ct)
    {
        var rows = await (from a in db.RoleAssignments.AsNoTracking()
                          join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                          where u.IsActive
                          select new { u.Id, u.UserName, u.DisplayName, u.CreatedAt, a.Role, a.ScopeId }).ToListAsync(ct);
        return rows.Where(r => org.Current.IsWithin(r.ScopeId, unitId))
            .GroupBy(r => r.Id)
            .Select(g => new PersonInUnit(g.Key, g.First().UserName ?? "", g.First().DisplayName, g.Select(r => r.Role).Distinct().Order(StringComparer.Ordinal).ToList(),
                g.First().ScopeId, DateTime.SpecifyKind(g.First().CreatedAt, DateTimeKind.Utc)))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every active user holding a role, over whatever scope, by name.</summary>
    public async Task<IReadOnlyList<PersonRef>> WithRoleAsync(string role, CancellationToken ct) =>
        (await (from a in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                where a.Role == role && u.IsActive
                select new { u.Id, u.UserName, u.DisplayName }).Distinct().ToListAsync(ct))
            .OrderBy(r => r.DisplayName, StringComparer.Ordinal).Select(r => new PersonRef(r.Id, r.UserName ?? "", r.DisplayName)).ToList();

    /// <summary>The roles an active user holds, each with its scope; none for an unknown or deactivated user.</summary>
    public async Task<IReadOnlyList<(string Role, Guid Scope)>> AssignmentsOfAsync(Guid userId, CancellationToken ct) =>
        (await (from a in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                where a.UserId == userId && u.IsActive
                select new { a.Role, a.ScopeId }).ToListAsync(ct)).Select(r => (r.Role, r.ScopeId)).ToList();

    /// <summary>Does the active user hold a role over <paramref name="unitId"/> (scoped to it or an ancestor): do they work there?</summary>
    public async Task<bool> WorksAtAsync(Guid userId, Guid unitId, CancellationToken ct) =>
        (await AssignmentsOfAsync(userId, ct)).Any(a => org.Current.IsWithin(unitId, a.Scope));

    /// <summary>
    /// An active user's name and the role they are known by in a unit: the first of <paramref name="preferred"/> they hold
    /// over it, else any role they hold over it, else none; null for an unknown or deactivated user.
    /// </summary>
    public async Task<(string DisplayName, string? Role)?> DescribeAsync(Guid userId, Guid unitId, IReadOnlyList<string> preferred, CancellationToken ct)
    {
        // One round trip: on a duress press this is in the alarm's path, so its query is compiled once.
        var rows = new List<NamedRole>();
        await foreach (var row in NameAndRoles(db, userId).WithCancellation(ct))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var name = rows[0].DisplayName;
        var there = rows.Where(r => r.Role is not null && org.Current.IsWithin(unitId, r.Scope!.Value)).Select(r => r.Role!).ToList();
        var role = preferred.FirstOrDefault(there.Contains) ?? there.Order(StringComparer.Ordinal).FirstOrDefault();
        return (name, role);
    }
}
