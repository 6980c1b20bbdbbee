using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Organisation;

namespace Varta.Platform.Identity;

/// <summary>The organisation unit a resource belongs to: what the scope half of a rule is checked against.</summary>
public readonly record struct OrgScope(Guid UnitId);

/// <summary>
/// Role × scope, the one rule of every operation: one of <see cref="Roles"/> held over the resource's unit (when
/// the handler asks with an <see cref="OrgScope"/>) or, where no resource is loaded yet (the endpoint, the page),
/// over any unit.
/// </summary>
public sealed class ScopedRequirement(IReadOnlyList<string> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

internal sealed class ScopedRequirementHandler(Access access) : AuthorizationHandler<ScopedRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopedRequirement requirement)
    {
        var allowed = context.Resource is OrgScope scope
            ? access.Allows(context.User, scope.UnitId, requirement.Roles)
            : context.User.HasAnyRole(requirement.Roles);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class OperationAuthorization
{
    /// <summary>
    /// Registers a named policy for one operation: signed in, holding one of <paramref name="roles"/>. The endpoint
    /// or page names it in <c>RequireAuthorization</c>/<c>[Authorize]</c>; the handler asks it again with the
    /// resource's <see cref="OrgScope"/> once the resource is loaded.
    /// </summary>
    public static AuthorizationBuilder AddOperation(this AuthorizationBuilder builder, string policy, params string[] roles) =>
        builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().AddRequirements(new ScopedRequirement(roles)));

    /// <summary>Registers operation policies from a module: <c>services.AddOperations(b => b.AddOperation(...))</c>.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, Action<AuthorizationBuilder> configure)
    {
        configure(services.AddAuthorizationBuilder());
        return services;
    }

    /// <summary>May <paramref name="user"/> do the operation <paramref name="policy"/> on something of unit <paramref name="unitId"/>?</summary>
    public static async Task<bool> AllowsAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy, Guid unitId) =>
        (await authorization.AuthorizeAsync(user, new OrgScope(unitId), policy)).Succeeded;

    /// <summary>The sites (of a kind) on which <paramref name="user"/> may do the operation <paramref name="policy"/>.</summary>
    public static async Task<IReadOnlyList<OrgNode>> SitesAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string policy,
        OrgTree tree, string? siteKind)
    {
        var sites = new List<OrgNode>();
        foreach (var site in tree.Sites(siteKind))
        {
            if (await authorization.AllowsAsync(user, policy, site.Id))
            {
                sites.Add(site);
            }
        }

        return sites;
    }
}

/// <summary>The platform's own operations.</summary>
public static class PlatformPolicies
{
    /// <summary>Users and their role assignments, within the administrator's scope.</summary>
    public const string ManageUsers = "platform.users.manage";

    /// <summary>The audit log: entries, verification.</summary>
    public const string ReadAudit = "platform.audit.read";

    /// <summary>A signed checkpoint of the audit chain (no personal data): what an outside monitor polls and keeps.</summary>
    public const string AuditCheckpoint = "platform.audit.checkpoint";

    internal static void Add(AuthorizationBuilder builder) => builder
        .AddOperation(ManageUsers, Roles.Administrator)
        .AddOperation(ReadAudit, Roles.Administrator)
        .AddOperation(AuditCheckpoint, Roles.Administrator, Roles.ExternalMonitor, Roles.RightsInspector);
}
