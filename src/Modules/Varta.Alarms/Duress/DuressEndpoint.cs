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

    // Network first: an alarm must never be answered from a cache. Offline, a page opened cold says so, in large type,
    // with 102 to tap. Presses still waiting in the outbox (IndexedDB, see duress-queue.js) go out on a background sync,
    // even after the page is closed; the browser repeats the sync while any is left.
    private const string ServiceWorker = """
        importScripts('/_content/Varta.Alarms/duress-queue.js');
        self.addEventListener('install', e => self.skipWaiting());
        self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
        self.addEventListener('sync', e => {
          if (e.tag !== 'varta-duress') return;
          e.waitUntil(self.vartaDuress.flush().then(done => { if (!done) throw new Error('presses still waiting'); }));
        });
        self.addEventListener('fetch', e => {
          if (e.request.mode !== 'navigate') return;
          e.respondWith(fetch(e.request).catch(() => new Response(Offline, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })));
        });
        const Offline = `<!doctype html><html lang="uk"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Varta SOS</title>
        <style>body{font:18px/1.4 system-ui,sans-serif;margin:0;padding:24px;color:#1a1a1a}h1{color:#b00020;font-size:28px}
        a.call{display:block;margin:24px 0;padding:24px;border-radius:16px;background:#b00020;color:#fff;text-align:center;font-size:32px;font-weight:700;text-decoration:none}
        p{margin:8px 0}</style>
        <h1>Немає зв\u02BCязку</h1><p>Тривожну кнопку не відкрито: телефон не в мережі.</p>
        <a class="call" href="tel:102">Телефонуйте 102</a>
        <p lang="en">No connection: the duress button cannot open. Call 102.</p></html>`;
        """;
}
