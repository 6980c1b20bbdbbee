using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Threats.Intake;

namespace Varta.Threats.OnBehalfCandidates;

/// <summary>Whom the caller may file a report for at a court; 404 for a court that is not one they file for others at.</summary>
internal static class OnBehalfCandidatesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/courts/{id:guid}/people", async (Guid id, ClaimsPrincipal user, IntakeService s, IAuthorizationService authorization, OrgDirectory org,
                    Problems p, CancellationToken ct) =>
                org.Current.Find(id) is { SiteKind: SiteKinds.CourtBuilding } && await authorization.AllowsAsync(user, ThreatsPolicies.FileOnBehalf, id)
                    ? (IResult)TypedResults.Ok(await s.OnBehalfCandidatesAsync(user, id, ct))
                    : p.NotFound())
            .RequireAuthorization(ThreatsPolicies.FileOnBehalf);
}
