using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Varta.Alarms.Duress;

/// <summary>The duress page is installable: its manifest and service worker hold no data. Reviewed anonymous.</summary>
internal static class DuressEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/alarms/duress.webmanifest", () => TypedResults.Text(Manifest, "application/manifest+json")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/alarms/duress-sw.js", () => TypedResults.Text(ServiceWorker, "text/javascript")).AllowAnonymous().ExcludeFromDescription();
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
}
