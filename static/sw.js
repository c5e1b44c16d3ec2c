// 寻阅 Xunyue service worker: the whole app offline after one visit.
//
// The build fills PRECACHE with every file of this version and a version derived from their
// contents. Install caches them all under a cache named after the version; activate deletes the
// caches of older versions. Page loads go to the network first (so a reload picks up a new
// version at once) and fall back to the cached page offline; every other file comes from the
// cache first: hashed names never change content.
const PRECACHE = /*@XUNYUE_PRECACHE@*/ null;

// Caches are shared by the whole origin: name ours after this scope, so two copies of the app
// under different paths keep their own.
const PREFIX = `xunyue:${self.registration.scope}:`;
const CACHE = PREFIX + PRECACHE.version;
const PAGE = new URL('./index.html', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` bypasses the HTTP cache: the copies must be exactly this version's files.
      await cache.addAll(PRECACHE.assets.map((a) => new Request(new URL(a, self.location.href), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  if (req.mode === 'navigate') {
    event.respondWith(page(req));
  } else {
    event.respondWith(asset(req));
  }
});

async function page(req) {
  try {
    return await fetch(req);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const hit = (await cache.match(req, { ignoreSearch: true })) ?? (await cache.match(PAGE));
    if (hit) return hit;
    throw err;
  }
}

async function asset(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreSearch: true });
  return hit ?? fetch(req);
}
