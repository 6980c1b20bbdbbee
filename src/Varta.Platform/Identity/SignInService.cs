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
    /// <summary>Failures for one username from one address before that address is locked out of it.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The first lock of an address; each further failure from it doubles the lock, up to <see cref="LockoutDuration"/>.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures from all addresses together after which the account itself is locked (for <see cref="LockoutDuration"/>).</summary>
    public int AccountLockoutAfter { get; set; } = 50;

    /// <summary>Sign-in attempts (pages and API) one client address may make per minute (ASP.NET Core's rate limiter).</summary>
    public int AttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Failed attempts one username may have per minute, from all addresses together.</summary>
    public int FailuresPerMinutePerUsername { get; set; } = 20;
}

public enum SignInStatus
{
    Succeeded,
    Failed,
    TotpRequired,
    EnrolmentRequired,
    Throttled,
}

public sealed record SignInAttempt(SignInStatus Status, VartaUser? User, TimeSpan? RetryAfter = null);

/// <summary>
/// The one sign-in path for pages and API: password, lockout (counted on the injected clock), and the
/// second factor for the roles that need it. A failure never says whether the name or the password was wrong.
/// </summary>
public sealed class SignInService(
    UserManager<VartaUser> users,
    VartaDbContext db,
    IAuditLog audit,
    FailureAudit failures,
    FailureWindows windows,
    SourceLockout sources,
    TimeProvider clock,
    IOptions<SignInPolicy> policy)
{
    private const string UsernameFailures = "sign-in:username";
    private static readonly VartaUser Nobody = new() { UserName = "nobody" };
    private static string? _nobodyHash;

    /// <summary>
    /// Checks a password from <paramref name="source"/> (the client's address). Every refusal costs the same work —
    /// one password hash — whether the name exists, the password is wrong or the source is locked out, so that
    /// timing tells nothing; a locked source or a username under a flood is answered <see cref="SignInStatus.Throttled"/>
    /// the same way for names that exist and names that do not.
    /// </summary>
    public async Task<SignInAttempt> CheckPasswordAsync(string? username, string? password, string source, CancellationToken ct = default)
    {
        var name = username?.Trim() ?? "";
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        var throttled = sources.IsLocked(name, source, out var retry)
            || windows.IsBlocked(UsernameFailures, name.ToUpperInvariant(), policy.Value.FailuresPerMinutePerUsername, out retry);
        if (user is null || !user.IsActive || throttled || IsLockedOut(user))
        {
            // The same work as a real check: one hash verification.
            _nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, "not-a-password");
            users.PasswordHasher.VerifyHashedPassword(Nobody, _nobodyHash, password ?? "");
            var reason = throttled ? "throttled" : user is null || !user.IsActive ? "unknown-user" : "account-locked";
            await FailAsync(name, source, reason, user is { IsActive: true } && !throttled ? user : null, counts: !throttled, ct);
            return throttled ? new SignInAttempt(SignInStatus.Throttled, null, retry) : new SignInAttempt(SignInStatus.Failed, null);
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            await FailAsync(name, source, "bad-password", user, counts: true, ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        sources.Succeeded(name, source);
        if (await NeedsSecondFactorAsync(user, ct))
        {
            return new SignInAttempt(user.TwoFactorEnabled ? SignInStatus.TotpRequired : SignInStatus.EnrolmentRequired, user);
        }

        await SucceedAsync(user, "pwd", ct);
        return new SignInAttempt(SignInStatus.Succeeded, user);
    }

    /// <summary>Second step: the password was right; a wrong code counts towards lockout too.</summary>
    public async Task<SignInAttempt> CheckTotpAsync(VartaUser user, string? code, string source, CancellationToken ct = default)
    {
        var name = user.UserName ?? "";
        if (sources.IsLocked(name, source, out var retry))
        {
            return new SignInAttempt(SignInStatus.Throttled, null, retry);
        }

        if (IsLockedOut(user) || !user.TwoFactorEnabled)
        {
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var step = key is null ? null : Totp.Verify(Base32.Decode(key), code, clock.GetUtcNow(), user.LastTotpStep);
        if (step is null)
        {
            await FailAsync(name, source, "bad-totp", user, counts: true, ct);
            return new SignInAttempt(SignInStatus.Failed, null);
        }

        sources.Succeeded(name, source);
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
    public Task RecordWrongCurrentPasswordAsync(VartaUser user, string source, CancellationToken ct = default) =>
        FailAsync(user.UserName ?? "", source, "bad-current-password", user, counts: true, ct);

    public bool IsLockedOut(VartaUser user) => user.LockoutEnd is { } end && end > clock.GetUtcNow();

    /// <summary>Whether this address may not try a password of this user now (its lock), and for how long.</summary>
    public bool IsLockedOut(VartaUser user, string source, out TimeSpan retryAfter)
    {
        if (sources.IsLocked(user.UserName ?? "", source, out retryAfter))
        {
            return true;
        }

        retryAfter = user.LockoutEnd is { } end ? end - clock.GetUtcNow() : TimeSpan.Zero;
        return IsLockedOut(user);
    }

    /// <summary>
    /// A refusal: counted against this source (its lock), this username (its per-minute allowance) and, for an account
    /// that exists, the account (locked only after many failures from everywhere); audited at most twice a minute per
    /// source (<see cref="FailureAudit"/>).
    /// </summary>
    private async Task FailAsync(string name, string source, string reason, VartaUser? user, bool counts, CancellationToken ct)
    {
        var locked = false;
        if (counts)
        {
            sources.Failed(name, source);
            windows.Count(UsernameFailures, name.ToUpperInvariant());
            if (user is not null)
            {
                user.AccessFailedCount++;
                locked = user.AccessFailedCount >= policy.Value.AccountLockoutAfter;
                if (locked)
                {
                    user.LockoutEnd = clock.GetUtcNow() + policy.Value.LockoutDuration;
                    user.AccessFailedCount = 0;
                    audit.Record(Failure(name, source, "auth.locked-out", reason, user));
                }

                await db.SaveChangesAsync(ct);
            }
        }

        await failures.RecordAsync(Failure(name, source, "auth.sign-in.failed", reason, user), source, ct);
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

    private static AuditRecord Failure(string username, string source, string action, string reason, VartaUser? user) => new()
    {
        Action = action,
        Category = AuditCategory.Auth,
        ResourceType = "user",
        ResourceId = user?.Id.ToString(),
        ActorId = user?.Id.ToString() ?? "anonymous",
        ActorName = Truncate(username, 100),
        Details = JsonSerializer.Serialize(new { reason, source }),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
