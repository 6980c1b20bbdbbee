using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform.Admin;

internal sealed record UserSummary(Guid Id, string Username, string DisplayName, bool IsActive, bool TwoFactorEnabled,
    bool LockedOut, string PreferredCulture, IReadOnlyList<RoleScopeDto> Roles);

internal sealed record CreateUserRequest(string? Username, string? DisplayName, string? Password, string? PreferredCulture);

internal sealed record RoleScopeRequest(string? Role, Guid? ScopeId);

internal sealed record SetRolesRequest(IReadOnlyList<RoleScopeRequest>? Assignments, string? Reason);

/// <summary>
/// User, role and scope management for administrators. An administrator manages only users whose every
/// role lies inside the administrator's own scope, and grants only scopes inside it.
/// </summary>
internal sealed class UserAdmin(
    VartaDbContext db,
    UserManager<VartaUser> users,
    IAuditLog audit,
    OrgDirectory org,
    Loc loc,
    TimeProvider clock,
    PrincipalValidator sessions)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal admin, CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var assignments = (await db.RoleAssignments.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.UserId);
        return all.Where(u => Manages(admin, assignments[u.Id])).Select(u => Summary(u, assignments[u.Id])).ToList();
    }

    public async Task<Outcome<UserSummary>> GetAsync(ClaimsPrincipal admin, Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return Outcome<UserSummary>.NotFound();
        }

        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(ct);
        return Manages(admin, assignments) ? Outcome<UserSummary>.Ok(Summary(user, assignments)) : Outcome<UserSummary>.NotFound();
    }

    public async Task<Outcome<UserSummary>> CreateAsync(CreateUserRequest request)
    {
        var v = new Validator(loc)
            .Required("username", request.Username, 64)
            .Required("displayName", request.DisplayName, 200)
            .Required("password", request.Password, 256);
        if (request.PreferredCulture is not null)
        {
            v.OneOf("preferredCulture", request.PreferredCulture, Loc.Cultures);
        }

        if (request.Username is { } name && !System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z0-9][a-z0-9._-]{1,63}$"))
        {
            v.Fail("username", "username-format");
        }

        if (request.Password is { Length: < 12 })
        {
            v.Fail("password", "min-length", 12);
        }

        if (!v.IsValid)
        {
            return Outcome<UserSummary>.Invalid(v);
        }

        if (await users.FindByNameAsync(request.Username!) is not null)
        {
            return Outcome<UserSummary>.Conflict("problem.username-taken");
        }

        var user = new VartaUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserName = request.Username,
            DisplayName = request.DisplayName!.Trim(),
            PreferredCulture = request.PreferredCulture ?? Loc.Ukrainian,
            LockoutEnabled = true,
        };
        audit.Record(new AuditRecord
        {
            Action = "admin.user.created",
            Category = AuditCategory.Admin,
            ResourceType = "user",
            ResourceId = user.Id.ToString(),
            Details = JsonSerializer.Serialize(new { username = user.UserName }),
        });
        var result = await users.CreateAsync(user, request.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                v.Fail(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username", "identity", error.Description);
            }

            return Outcome<UserSummary>.Invalid(v);
        }

        return Outcome<UserSummary>.Ok(Summary(user, []));
    }

    public async Task<Outcome<UserSummary>> SetRolesAsync(ClaimsPrincipal admin, Guid id, SetRolesRequest request, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        var current = await db.RoleAssignments.Where(a => a.UserId == id).ToListAsync(ct);
        if (user is null || !Manages(admin, current))
        {
            return Outcome<UserSummary>.NotFound();
        }

        var v = new Validator(loc).MaxLength("reason", request.Reason, 2000);
        var wanted = request.Assignments ?? [];
        if (wanted.Count > 50)
        {
            v.Fail("assignments", "max-items", 50);
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            var a = wanted[i];
            if (a.Role is null || !Roles.IsKnown(a.Role))
            {
                v.Fail($"assignments[{i}].role", "one-of", string.Join(", ", Roles.All));
            }

            if (a.ScopeId is not { } scope || org.Current.Find(scope) is null)
            {
                v.Fail($"assignments[{i}].scopeId", "unknown-unit");
            }
            else if (!Within(admin, scope))
            {
                v.Fail($"assignments[{i}].scopeId", "outside-your-scope");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<UserSummary>.Invalid(v);
        }

        var next = wanted.Select(a => (Role: a.Role!, Scope: a.ScopeId!.Value)).Distinct().ToList();
        db.RoleAssignments.RemoveRange(current);
        db.RoleAssignments.AddRange(next.Select(a => new RoleAssignment
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            UserId = id,
            Role = a.Role,
            ScopeId = a.Scope,
        }));
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(new AuditRecord
        {
            Action = "admin.user.roles-set",
            Category = AuditCategory.Admin,
            ResourceType = "user",
            ResourceId = id.ToString(),
            Reason = request.Reason,
            Details = JsonSerializer.Serialize(new
            {
                before = current.Select(a => $"{a.Role}@{a.ScopeId}"),
                after = next.Select(a => $"{a.Role}@{a.Scope}"),
            }),
        });
        await db.SaveChangesAsync(ct);
        sessions.Forget(id);
        var saved = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(ct);
        return Outcome<UserSummary>.Ok(Summary(user, saved));
    }

    public Task<Outcome<UserSummary>> SetActiveAsync(ClaimsPrincipal admin, Guid id, bool active, CancellationToken ct) =>
        ChangeAsync(admin, id, active ? "admin.user.activated" : "admin.user.deactivated", u => u.IsActive = active, ct);

    public Task<Outcome<UserSummary>> ResetTwoFactorAsync(ClaimsPrincipal admin, Guid id, CancellationToken ct) =>
        ChangeAsync(admin, id, "admin.user.two-factor-reset", u =>
        {
            u.TwoFactorEnabled = false;
            u.LastTotpStep = null;
        }, ct);

    public Task<Outcome<UserSummary>> UnlockAsync(ClaimsPrincipal admin, Guid id, CancellationToken ct) =>
        ChangeAsync(admin, id, "admin.user.unlocked", u =>
        {
            u.LockoutEnd = null;
            u.AccessFailedCount = 0;
        }, ct);

    private async Task<Outcome<UserSummary>> ChangeAsync(ClaimsPrincipal admin, Guid id, string action, Action<VartaUser> change, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync(ct);
        if (user is null || !Manages(admin, assignments))
        {
            return Outcome<UserSummary>.NotFound();
        }

        if (user.Id == admin.UserId() && action == "admin.user.deactivated")
        {
            return Outcome<UserSummary>.Conflict("problem.cannot-deactivate-self");
        }

        change(user);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Record(new AuditRecord { Action = action, Category = AuditCategory.Admin, ResourceType = "user", ResourceId = id.ToString() });
        await db.SaveChangesAsync(ct);
        sessions.Forget(id);
        return Outcome<UserSummary>.Ok(Summary(user, assignments));
    }

    private bool Within(ClaimsPrincipal admin, Guid unit) =>
        admin.ScopesOf(Roles.Administrator).Any(scope => org.Current.IsWithin(unit, scope));

    private bool Manages(ClaimsPrincipal admin, IEnumerable<RoleAssignment> assignments) =>
        assignments.All(a => Within(admin, a.ScopeId));

    private UserSummary Summary(VartaUser u, IEnumerable<RoleAssignment> assignments) => new(
        u.Id, u.UserName ?? "", u.DisplayName, u.IsActive, u.TwoFactorEnabled,
        u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.PreferredCulture,
        assignments.Select(a => new RoleScopeDto(a.Role, a.ScopeId, org.Current.Find(a.ScopeId)?.DisplayName ?? "")).ToList());
}
