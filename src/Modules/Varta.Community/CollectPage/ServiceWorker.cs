namespace Varta.Community.CollectPage;

/// <summary>
/// The service worker of /community/collect/ (served from that folder, so that is its scope). Its cache is named after
/// the build (<see cref="CollectBuild"/>): on activation every older varta-collect-* cache is deleted, so a device
/// never keeps a page or forms.js that disagree with the server after an update. Everything it handles (the page, its
/// scripts, the form JSON) is fetched from the network first and a good answer is copied into the cache; the cache
/// answers only without a connection. Responses are never cached: they wait in the page's outbox (localStorage).
/// </summary>
internal static class ServiceWorker
{
    public const string CachePrefix = "varta-collect-";

    public static string Script(string build) => Template.Replace("__CACHE__", CachePrefix + build, StringComparison.Ordinal)
        .Replace("__PREFIX__", CachePrefix, StringComparison.Ordinal);

    private const string Template = """
        'use strict';
        const CACHE = '__CACHE__';
        self.addEventListener('install', (e) => { e.waitUntil(self.skipWaiting()); });
        self.addEventListener('activate', (e) => {
          e.waitUntil(caches.keys()
            .then((names) => Promise.all(names.filter((n) => n.startsWith('__PREFIX__') && n !== CACHE).map((n) => caches.delete(n))))
            .then(() => self.clients.claim()));
        });
        self.addEventListener('fetch', (e) => {
          const request = e.request;
          if (request.method !== 'GET') { return; }
          const url = new URL(request.url);
          if (url.origin !== self.location.origin) { return; }
          if (!url.pathname.startsWith('/community/collect/') && !url.pathname.startsWith('/_content/Varta.Community/')) { return; }
          if (url.pathname === '/community/collect/sw.js') { return; }
          e.respondWith(fetch(request).then((response) => {
            if (response.ok && !response.redirected) {
              const copy = response.clone();
              e.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }).catch(() => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
            .then((hit) => hit || new Response('offline', { status: 503, headers: { 'Content-Type': 'text/plain' } }))));
        });
        """;
}
