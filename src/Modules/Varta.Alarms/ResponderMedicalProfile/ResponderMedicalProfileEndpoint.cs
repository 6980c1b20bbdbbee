using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Varta.Platform.Http;

namespace Varta.Alarms.ResponderMedicalProfile;

internal static class ResponderMedicalProfileEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/medical-profile", async (Guid id, ClaimsPrincipal user, ResponderMedicalProfileHandler h, Problems p, CancellationToken ct) =>
                (await h.HandleAsync(user, id, ct)).OkOrProblem(p))
            .RequireAuthorization(AlarmsPolicies.RespondMedicalProfile);
}
