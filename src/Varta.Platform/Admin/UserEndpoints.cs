using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;
using Varta.Platform.Identity;

namespace Varta.Platform.Admin;

internal static class UserEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Administration")
            .RequireAuthorization(PlatformPolicies.ManageUsers);
        group.MapGet("/", async (ClaimsPrincipal user, UserAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(user, ct)));
        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.GetAsync(user, id, ct), p));
        group.MapPost("/", async (CreateUserRequest request, UserAdmin admin, Problems p) =>
        {
            var outcome = await admin.CreateAsync(request);
            return outcome.IsOk ? TypedResults.Created($"/api/v1/admin/users/{outcome.Value!.Id}", outcome.Value) : outcome.Problem(p);
        });
        group.MapPut("/{id:guid}/roles", async (Guid id, SetRolesRequest request, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.SetRolesAsync(user, id, request, ct), p));
        group.MapPost("/{id:guid}/deactivate", async (Guid id, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.SetActiveAsync(user, id, false, ct), p));
        group.MapPost("/{id:guid}/activate", async (Guid id, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.SetActiveAsync(user, id, true, ct), p));
        group.MapPost("/{id:guid}/unlock", async (Guid id, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.UnlockAsync(user, id, ct), p));
        group.MapPost("/{id:guid}/reset-two-factor", async (Guid id, ClaimsPrincipal user, UserAdmin admin, Problems p, CancellationToken ct) =>
            Answer(await admin.ResetTwoFactorAsync(user, id, ct), p));
    }

    private static IResult Answer<T>(Outcome<T> outcome, Problems problems) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem(problems);
}
