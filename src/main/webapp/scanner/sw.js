/*
 * The door scanner's service worker: the page and its scripts are kept on the device so that the page opens
 * without a network. Assets are answered from the cache at once and refreshed from the server behind it; the API is
 * never cached (the page keeps its own offline data in IndexedDB). A new VERSION replaces the cached set.
 */
const VERSION = 'eventix-scanner-1';
const SHELL = ['./', 'scanner.css', 'app.mjs', 'api.mjs', 'camera.mjs', 'codes.mjs', 'door.mjs', 'store.mjs'];
// The camera's QR reader for browsers without their own: kept when it is there (a build may leave it out).
const OPTIONAL = ['vendor/barcode-detector/dist/iife/ponyfill.js', 'vendor/zxing-wasm/dist/reader/zxing_reader.wasm'];

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const cache = await caches.open(VERSION);
    await cache.addAll(SHELL);
    await Promise.all(OPTIONAL.map(path => cache.add(path).catch(() => undefined)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter(name => name.startsWith('eventix-scanner-') && name !== VERSION)
      .map(name => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) {
    return; // the API and anything else go to the network as usual
  }
  event.respondWith((async () => {
    const cache = await caches.open(VERSION);
    const key = request.mode === 'navigate' ? './' : request;
    const cached = await cache.match(key, { ignoreSearch: true });
    const fresh = fetch(request).then(response => {
      if (response.ok && response.type === 'basic') {
        cache.put(key, response.clone());
      }
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  })());
});
