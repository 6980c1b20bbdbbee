using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.MyMedicalProfile;

/// <summary>A person's own emergency medical profile: only they read or change it.</summary>
internal static class MyMedicalProfileEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        var me = group.MapGroup("/medical-profile");
        me.MapGet("/me", async (ClaimsPrincipal user, MyMedicalProfileHandler h, CancellationToken ct) =>
                await h.MineAsync(user, ct) is { } profile ? Results.Ok(profile) : Results.NoContent())
            .RequireAuthorization(AlarmsPolicies.OwnMedicalProfile);
        me.MapPut("/me", async (MedicalProfileRequest r, ClaimsPrincipal user, MyMedicalProfileHandler h, Problems p, CancellationToken ct) =>
                (await h.SaveAsync(user, r, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.OwnMedicalProfile);
        me.MapPost("/me/withdraw", async (ClaimsPrincipal user, MyMedicalProfileHandler h, CancellationToken ct) =>
            {
                await h.WithdrawAsync(user, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(AlarmsPolicies.OwnMedicalProfile);
    }
}
