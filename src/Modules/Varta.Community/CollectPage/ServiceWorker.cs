namespace Varta.Community.CollectPage;

/// <summary>
/// The service worker of /community/collect/ (served from that folder, so that is its scope): answers the page, its
/// scripts and the form from the network when there is one, and from its cache when not. collect.js puts them in the
/// cache itself once loaded online, so the first visit already works offline afterwards. Responses are never cached:
/// they wait in the page's outbox (localStorage) until sent.
/// </summary>
internal static class ServiceWorker
{
    public const string Script = """
        'use strict';
        const CACHE = 'varta-collect-v1';
        self.addEventListener('install', (e) => { e.waitUntil(self.skipWaiting()); });
        self.addEventListener('activate', (e) => { e.waitUntil(self.clients.claim()); });
        self.addEventListener('fetch', (e) => {
          const request = e.request;
          if (request.method !== 'GET') { return; }
          const url = new URL(request.url);
          if (url.origin !== self.location.origin) { return; }
          if (!url.pathname.startsWith('/community/collect/') && !url.pathname.startsWith('/_content/Varta.Community/')) { return; }
          e.respondWith(fetch(request).then((response) => {
            if (response.ok && !response.redirected) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }).catch(() => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
            .then((hit) => hit || new Response('offline', { status: 503, headers: { 'Content-Type': 'text/plain' } }))));
        });
        """;
}
