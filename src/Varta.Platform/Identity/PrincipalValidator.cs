using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Varta.Platform.Identity;

/// <summary>
/// A cookie or token stays good only while the user is active and unchanged: a new security stamp (after a
/// role, password or 2FA change, or deactivation) revokes every session: at once on the host where the change is
/// made, within the cache time on the others.
/// </summary>
internal sealed class PrincipalValidator(IServiceScopeFactory scopes, IMemoryCache cache)
{
    // Changes made on this host are forgotten at once (UserChanges); this bounds how long another host's change takes.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var id = principal.UserId();
        var stamp = principal.FindFirstValue(VartaClaims.SecurityStamp);
        if (id == Guid.Empty || stamp is null)
        {
            return false;
        }

        var current = await cache.GetOrCreateAsync($"varta:stamp:{id}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Persistence.VartaDbContext>();
            return await db.Users.AsNoTracking().Where(u => u.Id == id && u.IsActive).Select(u => u.SecurityStamp).FirstOrDefaultAsync();
        });
        return current == stamp;
    }

    public void Forget(Guid userId) => cache.Remove($"varta:stamp:{userId}");
}
