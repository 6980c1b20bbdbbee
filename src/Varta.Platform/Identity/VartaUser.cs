using Microsoft.AspNetCore.Identity;
using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

/// <summary>A person who signs in to Varta. Roles come from <see cref="RoleAssignment"/>, each with a scope.</summary>
public sealed class VartaUser : IdentityUser<Guid>, ICreateStamped
{
    public string DisplayName { get; set; } = "";

    /// <summary>"uk" or "en".</summary>
    public string PreferredCulture { get; set; } = "uk";

    /// <summary>Only the Development demo accounts have this; the admin pages cannot set it.</summary>
    public bool TwoFactorExempt { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The last TOTP time step accepted, so that a code cannot be replayed.</summary>
    public long? LastTotpStep { get; set; }

    public DateTime CreatedAt { get; set; }
}
