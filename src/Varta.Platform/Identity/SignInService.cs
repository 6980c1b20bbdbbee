using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

public sealed class SignInPolicy
{
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    TotpRequired,
    EnrolmentRequired,
}

public sealed record SignInAttempt(SignInStatus Status, VartaUser? User);

/// <summary>
/// The one sign-in path for pages and API: password, lockout (counted on the injected clock), and the
/// second factor for the roles that need it. A failure never says whether the name or the password was wrong.
/// </summary>
public sealed class SignInService(
    UserManager<VartaUser> users,
    VartaDbContext db,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<SignInPolicy> policy)
{
    private static readonly VartaUser Nobody = new() { UserName = "nobody" };
    private static string? _nobodyHash;

    public async Task<SignInAttempt> CheckPasswordAsync(string? username, string? password, CancellationToken ct = default)
    {
        var user = string.IsNullOrWhiteSpace(username) ? null : await users.FindByNameAsync(username.Trim());
        if (user is null || !user.IsActive)
        {
            // Spend the same work as a real check so that timing does not tell which names exist.
            _nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, "not-a-password");
            users.PasswordHasher.VerifyHashedPassword(Nobody, _nobodyHash, password ?? "");
            await audit.AppendAsync(Failure(username, "auth.sign-in.failed", "unknown-user"), ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        if (IsLockedOut(user))
        {
            await audit.AppendAsync(Failure(username, "auth.sign-in.failed", "locked-out", user), ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await CountFailureAsync(user, "bad-password", ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        if (await NeedsSecondFactorAsync(user, ct))
        {
            return new SignInAttempt(user.TwoFactorEnabled ? SignInStatus.TotpRequired : SignInStatus.EnrolmentRequired, user);
        }

        await SucceedAsync(user, "pwd", ct);
        return new SignInAttempt(SignInStatus.Succeeded, user);
    }

    /// <summary>Second step: the password was right; a wrong code counts towards lockout too.</summary>
    public async Task<SignInAttempt> CheckTotpAsync(VartaUser user, string? code, CancellationToken ct = default)
    {
        if (IsLockedOut(user) || !user.TwoFactorEnabled)
        {
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var step = key is null ? null : Totp.Verify(Base32.Decode(key), code, clock.GetUtcNow(), user.LastTotpStep);
        if (step is null)
        {
            await CountFailureAsync(user, "bad-totp", ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        user.LastTotpStep = step;
        await SucceedAsync(user, "mfa", ct);
        return new SignInAttempt(SignInStatus.Succeeded, user);
    }

    public async Task<bool> NeedsSecondFactorAsync(VartaUser user, CancellationToken ct = default)
    {
        if (user.TwoFactorEnabled)
        {
            return true;
        }

        if (user.TwoFactorExempt)
        {
            return false;
        }

        var roles = await db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync(ct);
        return roles.Any(Roles.RequireTwoFactor.Contains);
    }

    public async Task<ClaimsPrincipal> CreatePrincipalAsync(VartaUser user, string authenticationType, string method, CancellationToken ct = default)
    {
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).ToListAsync(ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? ""),
            new(VartaClaims.DisplayName, user.DisplayName),
            new(VartaClaims.SecurityStamp, user.SecurityStamp ?? ""),
            new(VartaClaims.AuthMethod, method),
        };
        claims.AddRange(assignments.Select(a => new Claim(VartaClaims.RoleAssignment, $"{a.Role}|{a.ScopeId}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>A wrong current password on the change-password page: counts towards lockout and is audited like a failed sign-in.</summary>
    public Task RecordWrongCurrentPasswordAsync(VartaUser user, CancellationToken ct = default) => CountFailureAsync(user, "bad-current-password", ct);

    public bool IsLockedOut(VartaUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task CountFailureAsync(VartaUser user, string reason, CancellationToken ct)
    {
        user.AccessFailedCount++;
        var locked = user.AccessFailedCount >= policy.Value.MaxFailedAttempts;
        if (locked)
        {
            user.LockoutEnd = clock.GetUtcNow() + policy.Value.LockoutDuration;
            user.AccessFailedCount = 0;
        }

        audit.Record(Failure(user.UserName, locked ? "auth.locked-out" : "auth.sign-in.failed", reason, user));
        await db.SaveChangesAsync(ct);
    }

    private async Task SucceedAsync(VartaUser user, string method, CancellationToken ct)
    {
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        audit.Record(new AuditRecord
        {
            Action = "auth.sign-in",
            Category = AuditCategory.Auth,
            ResourceType = "user",
            ResourceId = user.Id.ToString(),
            ActorId = user.Id.ToString(),
            ActorName = user.UserName,
            Details = JsonSerializer.Serialize(new { method }),
        });
        await db.SaveChangesAsync(ct);
    }

    private static AuditRecord Failure(string? username, string action, string reason, VartaUser? user = null) => new()
    {
        Action = action,
        Category = AuditCategory.Auth,
        ResourceType = "user",
        ResourceId = user?.Id.ToString(),
        ActorId = user?.Id.ToString() ?? "anonymous",
        ActorName = Truncate(username ?? "", 100),
        Details = JsonSerializer.Serialize(new { reason }),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
