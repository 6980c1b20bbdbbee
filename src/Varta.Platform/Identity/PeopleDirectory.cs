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
}
