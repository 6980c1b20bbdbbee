using System.Security.Claims;
using Varta.Platform.Organisation;

namespace Varta.Platform.Identity;

/// <summary>
/// Role × scope decisions. A user may act on an organisation unit when one of the roles the operation
/// needs is held over that unit or an ancestor of it.
/// </summary>
public sealed class Access(OrgDirectory directory)
{
    public bool Allows(ClaimsPrincipal user, Guid unitId, params string[] roles)
    {
        var tree = directory.Current;
        foreach (var (role, scope) in user.Assignments())
        {
            if (roles.Contains(role) && tree.IsWithin(unitId, scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sites of a kind the user may see with any of the roles.</summary>
    public IReadOnlyList<OrgNode> SitesFor(ClaimsPrincipal user, string? siteKind, params string[] roles) =>
        directory.Current.Sites(siteKind).Where(s => Allows(user, s.Id, roles)).ToList();
}
