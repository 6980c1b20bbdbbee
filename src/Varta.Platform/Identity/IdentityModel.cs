using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Varta.Platform.Identity;

internal static class IdentityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<VartaUser>(e =>
        {
            e.ToTable("platform_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PreferredCulture).HasMaxLength(8);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("platform_identity_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("platform_identity_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("platform_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("platform_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("platform_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("platform_identity_role_claims");
        builder.Entity<RoleAssignment>(e =>
        {
            e.ToTable("platform_role_assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Role).HasMaxLength(40).IsRequired();
            e.HasIndex(a => new { a.UserId, a.Role, a.ScopeId }).IsUnique();
            e.HasOne<VartaUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
