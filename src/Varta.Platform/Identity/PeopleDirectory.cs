using Microsoft.EntityFrameworkCore;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

public sealed record PersonRef(Guid UserId, string Username, string DisplayName);

/// <summary>Who holds a role over a unit: how modules find people (responders, inspectors) without the platform's tables.</summary>
public sealed class PeopleDirectory(VartaDbContext db, OrgDirectory org)
{
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

    /// <summary>The roles an active user holds, each with its scope; none for an unknown or deactivated user.</summary>
    public async Task<IReadOnlyList<(string Role, Guid Scope)>> AssignmentsOfAsync(Guid userId, CancellationToken ct) =>
        (await (from a in db.RoleAssignments.AsNoTracking()
                join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                where a.UserId == userId && u.IsActive
                select new { a.Role, a.ScopeId }).ToListAsync(ct)).Select(r => (r.Role, r.ScopeId)).ToList();

    /// <summary>Does the active user hold a role over <paramref name="unitId"/> (scoped to it or an ancestor): do they work there?</summary>
    public async Task<bool> WorksAtAsync(Guid userId, Guid unitId, CancellationToken ct) =>
        (await AssignmentsOfAsync(userId, ct)).Any(a => org.Current.IsWithin(unitId, a.Scope));
}
