using System.Security.Claims;
using Varta.Platform.Organisation;

namespace Varta.Platform.Identity;

/// <summary>
/// Role × scope decisions behind <see cref="ScopedRequirementHandler"/>; everything else asks through
/// <c>IAuthorizationService</c> with an operation's policy. A user may act on an organisation unit when one of the roles the operation
/// needs is held over that unit or an ancestor of it.
/// </summary>
internal sealed class Access(OrgDirectory directory)
{
    public bool Allows(ClaimsPrincipal user, Guid unitId, IReadOnlyList<string> roles)
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
}
