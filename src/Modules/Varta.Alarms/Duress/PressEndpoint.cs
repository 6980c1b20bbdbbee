using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Alarms.SendSignal;
using Varta.Platform.Http;

namespace Varta.Alarms.Duress;

/// <summary>A press of the duress button as the browser sends it: the moment of the press, made there, and the key made with it.</summary>
internal sealed record PressRequest(string? IdempotencyKey, string? PressedAt, bool? Silent, LocationInput? Location);

/// <summary>
/// <c>POST /alarms/duress/press</c>: the duress page's press as a plain HTTPS request from the browser (or from its
/// service worker when the page is closed), so that it does not depend on the page's live connection. The page's
/// cookie authenticates it, like the page itself; a cross-site page cannot send it, because the cookie is SameSite
/// and the request must carry a custom header (which no cross-site form can, and no cross-origin script may without
/// a CORS permission this host never grants). The same press sent again (same key) is stored once.
/// </summary>
internal static class PressEndpoint
{
    public const string Path = "/alarms/duress/press";

    /// <summary>The header that proves the request comes from a script of this site.</summary>
    public const string Header = "X-Varta-Press";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, PressAsync).RequireAuthorization(AlarmsPolicies.PressDuress).ExcludeFromDescription();

    private static async Task<IResult> PressAsync(HttpContext http, ClaimsPrincipal user, PressRequest? press, DuressPressHandler presses, Problems problems, CancellationToken ct)
    {
        if (!http.Request.Headers.ContainsKey(Header))
        {
            return problems.Status(StatusCodes.Status400BadRequest, "alarms.press.not-from-page");
        }

        if (press is null)
        {
            return problems.Status(StatusCodes.Status400BadRequest, "problem.bad-request");
        }

        var outcome = await presses.HandleAsync(user, press, ct);
        return outcome.IsOk ? TypedResults.Accepted((string?)null, outcome.Value) : outcome.Problem(problems);
    }
}
