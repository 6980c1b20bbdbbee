using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Varta.Platform.Identity;

/// <summary>Resource-based rule: one of <see cref="Roles"/> held over the resource's organisation unit.</summary>
public sealed record ScopedRequirement(params string[] Roles) : IAuthorizationRequirement;

internal sealed class ScopedRequirementHandler(Access access) : AuthorizationHandler<ScopedRequirement, Guid>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopedRequirement requirement, Guid unitId)
    {
        if (access.Allows(context.User, unitId, requirement.Roles))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public static class AuthorizationExtensions
{
    /// <summary>Endpoint rule: signed in and holding at least one of the roles, over any scope.</summary>
    public static AuthorizationPolicyBuilder RequireVartaRole(this AuthorizationPolicyBuilder builder, params string[] roles) =>
        builder.RequireAuthenticatedUser().RequireAssertion(ctx => ctx.User.HasAnyRole(roles));

    public static async Task<bool> MayActOnAsync(this IAuthorizationService service, ClaimsPrincipal user, Guid unitId, params string[] roles) =>
        (await service.AuthorizeAsync(user, unitId, new ScopedRequirement(roles))).Succeeded;
}
