using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Alarms.DeviceAuthentication;
using Varta.Platform.Http;

namespace Varta.Alarms.SendSignal;

internal static class SendSignalEndpoint
{
    /// <summary>The rate limiter policy: per device, so one flooding device slows only itself.</summary>
    public const string DeviceRateLimit = "alarms-device";

    // Devices, not people: their own credential scheme, and a per-device rate limit. The policy only checks the claim
    // the scheme has set: no per-signal authorization work beyond authenticating the device.
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/signals", async (SignalRequest request, ClaimsPrincipal device, HttpContext http, SignalHandler h, Problems p, CancellationToken ct) =>
            {
                var known = http.Items[DeviceAuthenticationHandler.DeviceItem] as KnownDevice;
                var o = await h.HandleAsync(Guid.Parse(device.FindFirstValue(DeviceAuthenticationHandler.DeviceClaim)!), request, null, known, ct);
                return o.IsOk ? TypedResults.Accepted((string?)null, o.Value) : o.Problem(p);
            })
            .RequireAuthorization(AlarmsPolicies.SendSignal)
            .RequireRateLimiting(DeviceRateLimit);
}
