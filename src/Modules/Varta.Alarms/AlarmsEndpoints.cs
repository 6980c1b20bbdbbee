using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Varta.Alarms.Console;
using Varta.Alarms.Devices;
using Varta.Alarms.Duty;
using Varta.Alarms.Processing;
using Varta.Alarms.Signals;
using Varta.Platform.Http;
using Varta.Platform.Identity;

namespace Varta.Alarms;

internal static class AlarmsEndpoints
{
    public const string DeviceRateLimit = "alarms-device";

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alarms").WithTags("Alarms");

        // Devices, not people: their own credential scheme, and a per-device rate limit so one flooding device slows only itself.
        api.MapPost("/signals", async (SignalRequest request, ClaimsPrincipal device, HttpContext http, SignalHandler h, Problems p, CancellationToken ct) =>
            {
                var known = http.Items[DeviceAuthenticationHandler.DeviceItem] as KnownDevice;
                var o = await h.HandleAsync(Guid.Parse(device.FindFirstValue(DeviceAuthenticationHandler.DeviceClaim)!), request, null, known, ct);
                return o.IsOk ? TypedResults.Accepted((string?)null, o.Value) : o.Problem(p);
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(DeviceAuthenticationHandler.SchemeName).RequireClaim(DeviceAuthenticationHandler.DeviceClaim))
            .RequireRateLimiting(DeviceRateLimit);

        var viewers = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(DeviceAdmin.Viewers));
        viewers.MapGet("/sites", async (ClaimsPrincipal user, DeviceAdmin h, CancellationToken ct) => TypedResults.Ok(await h.SitesAsync(user, ct)));
        viewers.MapGet("/devices", async (ClaimsPrincipal user, DeviceAdmin h, CancellationToken ct) => TypedResults.Ok(await h.DevicesAsync(user, ct)));

        var admins = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(Roles.Administrator));
        admins.MapPost("/zones", async (CreateZoneRequest r, ClaimsPrincipal user, DeviceAdmin h, Problems p, CancellationToken ct) =>
        {
            var o = await h.CreateZoneAsync(user, r, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/alarms/sites", o.Value) : o.Problem(p);
        });
        admins.MapPost("/devices", async (CreateDeviceRequest r, ClaimsPrincipal user, DeviceAdmin h, Problems p, CancellationToken ct) =>
        {
            var o = await h.CreateDeviceAsync(user, r, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/alarms/devices", o.Value) : o.Problem(p);
        });
        admins.MapPost("/devices/{id:guid}/dc09-key", async (Guid id, Dc09KeyRequest r, ClaimsPrincipal user, Dc09KeyRotation h, Problems p, CancellationToken ct) =>
            Answer(await h.SetAsync(user, id, r, ct), p));

        // The duty roster: console roles of a building read it; its dispatchers and unit heads (and administrators) plan it.
        var dutyReaders = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(DutyRoster.Readers));
        dutyReaders.MapGet("/sites/{siteId:guid}/duty", async (Guid siteId, ClaimsPrincipal user, DutyRoster d, Problems p, CancellationToken ct, string? from, string? to) =>
            Answer(await d.ListAsync(user, siteId, from, to, ct), p));
        var dutyWriters = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(DutyRoster.Writers));
        dutyWriters.MapPost("/sites/{siteId:guid}/duty", async (Guid siteId, DutyShiftRequest r, ClaimsPrincipal user, DutyRoster d, Problems p, CancellationToken ct) =>
        {
            var o = await d.CreateAsync(user, siteId, r, ct);
            return o.IsOk ? TypedResults.Created($"/api/v1/alarms/sites/{siteId}/duty", o.Value) : o.Problem(p);
        });
        dutyWriters.MapPost("/sites/{siteId:guid}/duty/{shiftId:guid}/cancel", async (Guid siteId, Guid shiftId, DutyCancelRequest r, ClaimsPrincipal user, DutyRoster d, Problems p, CancellationToken ct) =>
            Answer(await d.CancelAsync(user, siteId, shiftId, r, ct), p));

        viewers.MapGet("/stats", async (ClaimsPrincipal user, Reports.AlarmReports r, CancellationToken ct, int? days) =>
            TypedResults.Ok(await r.StatsAsync(user, Math.Clamp(days ?? 30, 1, 366), ct)));
        viewers.MapGet("/tests/untested", async (ClaimsPrincipal user, Reports.AlarmReports r, CancellationToken ct) => TypedResults.Ok(await r.UntestedAsync(user, ct)));
        viewers.MapGet("/sites/{siteId:guid}/arming", async (Guid siteId, ClaimsPrincipal user, Arming.ArmingRules a, Problems p, CancellationToken ct) =>
            Answer(await a.GetAsync(user, siteId, ct), p));
        admins.MapPut("/sites/{siteId:guid}/arming", async (Guid siteId, Arming.ArmingRequest r, ClaimsPrincipal user, Arming.ArmingRules a, Problems p, CancellationToken ct) =>
            Answer(await a.SetAsync(user, siteId, r, ct), p));

        // A person's own emergency medical profile: only they read or change it.
        var people = api.MapGroup("/medical-profile").RequireAuthorization(p => p.RequireVartaRole(Signals.PhoneDevices.Roles));
        people.MapGet("/me", async (ClaimsPrincipal user, Medical.MedicalProfiles m, CancellationToken ct) =>
            await m.MineAsync(user, ct) is { } profile ? Results.Ok(profile) : Results.NoContent());
        people.MapPut("/me", async (Medical.MedicalProfileRequest r, ClaimsPrincipal user, Medical.MedicalProfiles m, Problems p, CancellationToken ct) =>
            Answer(await m.SaveAsync(user, r, ct), p));
        people.MapPost("/me/withdraw", async (ClaimsPrincipal user, Medical.MedicalProfiles m, CancellationToken ct) =>
        {
            await m.WithdrawAsync(user, ct);
            return TypedResults.NoContent();
        });

        var console = api.MapGroup("").RequireAuthorization(p => p.RequireVartaRole(AlarmHub.ConsoleRoles));
        console.MapGet("/open", async (ClaimsPrincipal user, ConsoleHandler h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(user, ct)));
        console.MapGet("/feed", async (ClaimsPrincipal user, ConsoleHandler h, CancellationToken ct, long? after, int? limit) =>
            TypedResults.Ok(await h.FeedAsync(user, after ?? 0, Math.Clamp(limit ?? 500, 1, 1000), ct)));
        console.MapGet("/sites/{siteId:guid}/responders", async (Guid siteId, ClaimsPrincipal user, Responders r, Problems p, CancellationToken ct) =>
            await r.ForSiteAsync(user, siteId, ct) is { } list ? Results.Ok(list) : p.NotFound());
        console.MapGet("/my-dispatches", async (ClaimsPrincipal user, Responders r, CancellationToken ct) => TypedResults.Ok(await r.MineAsync(user, ct)));
        console.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ConsoleHandler h, Problems p, CancellationToken ct) => Answer(await h.GetAsync(user, id, ct), p));
        console.MapPost("/{id:guid}/acknowledge", async (Guid id, ClaimsPrincipal user, ConsoleHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.AcknowledgeAsync(user, id, ct), p));
        console.MapPost("/{id:guid}/dispatch", async (Guid id, DispatchRequest r, ClaimsPrincipal user, ConsoleHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.DispatchAsync(user, id, r, ct), p));
        console.MapPost("/{id:guid}/resolve", async (Guid id, ResolveRequest r, ClaimsPrincipal user, ConsoleHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.ResolveAsync(user, id, r, ct), p));
        console.MapGet("/{id:guid}/medical-profile", async (Guid id, ClaimsPrincipal user, Medical.MedicalProfiles m, Problems p, CancellationToken ct) =>
            Answer(await m.ForAlarmAsync(user, id, ct), p));
        console.MapPost("/{id:guid}/notes", async (Guid id, NoteRequest r, ClaimsPrincipal user, ConsoleHandler h, Problems p, CancellationToken ct) =>
            Answer(await h.NoteAsync(user, id, r, ct), p));

        // The duress page is installable: its manifest and service worker hold no data. Reviewed anonymous.
        app.MapGet("/alarms/duress.webmanifest", () => TypedResults.Text(Manifest, "application/manifest+json")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/alarms/duress-sw.js", () => TypedResults.Text(ServiceWorker, "text/javascript")).AllowAnonymous().ExcludeFromDescription();

        app.MapHub<AlarmHub>("/hubs/alarms").RequireAuthorization(p => p.RequireVartaRole(AlarmHub.ConsoleRoles));
    }

    private const string Manifest = """
        {"name":"Varta SOS","short_name":"SOS","start_url":"/alarms/duress","scope":"/alarms/","display":"standalone",
         "background_color":"#ffffff","theme_color":"#b00020","icons":[]}
        """;

    // Network first: an alarm must never be answered from a cache; offline, the page says so rather than pretending.
    private const string ServiceWorker = """
        self.addEventListener('install', e => self.skipWaiting());
        self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
        self.addEventListener('fetch', e => {
          if (e.request.mode !== 'navigate') return;
          e.respondWith(fetch(e.request).catch(() => new Response(
            '<!doctype html><meta charset=utf-8><title>Varta SOS</title><h1>Немає зв\u02BCязку / No connection</h1><p>Телефонуйте 102 / Call 102</p>',
            { headers: { 'Content-Type': 'text/html; charset=utf-8' } })));
        });
        """;

    private static IResult Answer<T>(Outcome<T> outcome, Problems problems) =>
        outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem(problems);
}
