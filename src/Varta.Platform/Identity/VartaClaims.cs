using System.Security.Claims;

namespace Varta.Platform.Identity;

public static class VartaClaims
{
    /// <summary>One claim per role assignment: "role|scopeId".</summary>
    public const string RoleAssignment = "varta:ra";
    public const string SecurityStamp = "varta:ss";
    public const string DisplayName = "varta:dn";
    public const string AuthMethod = "amr";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static IEnumerable<(string Role, Guid Scope)> Assignments(this ClaimsPrincipal user)
    {
        foreach (var claim in user.FindAll(RoleAssignment))
        {
            var bar = claim.Value.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && Guid.TryParse(claim.Value.AsSpan(bar + 1), out var scope))
            {
                yield return (claim.Value[..bar], scope);
            }
        }
    }

    public static bool HasRole(this ClaimsPrincipal user, string role) => user.Assignments().Any(a => a.Role == role);

    public static bool HasAnyRole(this ClaimsPrincipal user, IEnumerable<string> roles) => roles.Any(user.HasRole);

    public static IEnumerable<Guid> ScopesOf(this ClaimsPrincipal user, string role) =>
        user.Assignments().Where(a => a.Role == role).Select(a => a.Scope);
}
