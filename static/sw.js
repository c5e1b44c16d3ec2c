// 寻阅 Xunyue service worker: the whole app offline after one visit.
//
// The build fills PRECACHE with every file of this version and a version derived from their
// contents. Install caches them all under a cache named after the version; activate deletes the
// caches of older versions. Page loads go to the network first (so a reload picks up a new
// version at once) and fall back to the cached page offline; every other file comes from the
// cache first: hashed names never change content.
//
// A sharded archive (`archive/`) is not precached: its files are cached as the app fetches them,
// in a cache of their own that a new version of the app keeps (ARCHIVE). Its files are named after
// the build that wrote them and never change, so they come from that cache first; the root
// (`archive/root.bin`), the one name a new build reuses, comes from the network first and from the
// cache offline. Saving the archive for offline use (the app) fills the same cache.
const PRECACHE = /*@XUNYUE_PRECACHE@*/ null;

// Caches are shared by the whole origin: name ours after this scope, so two copies of the app
// under different paths keep their own.
const PREFIX = `xunyue:${self.registration.scope}:`;
const CACHE = PREFIX + PRECACHE.version;
const ARCHIVE = PREFIX + 'archive';
const PAGE = new URL('./index.html', self.location.href).href;
const ARCHIVE_DIR = new URL('./archive/', self.location.href).href;
const ROOT = ARCHIVE_DIR + 'root.bin';

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
        if (key.startsWith(PREFIX) && key !== CACHE && key !== ARCHIVE) await caches.delete(key);
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
  } else if (url.href.startsWith(ARCHIVE_DIR)) {
    event.respondWith(url.origin + url.pathname === ROOT ? archiveRoot(req) : archiveFile(req));
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

// The archive's root: the network's (a new build shows at once), kept for offline.
async function archiveRoot(req) {
  const cache = await caches.open(ARCHIVE);
  try {
    const resp = await fetch(req, { cache: 'no-cache' });
    if (resp.ok) await cache.put(ROOT, resp.clone());
    return resp;
  } catch (err) {
    const hit = await cache.match(ROOT);
    if (hit) return hit;
    throw err;
  }
}

// A shard, an article or a facet file: named after its build, so a cached copy is the file.
async function archiveFile(req) {
  const cache = await caches.open(ARCHIVE);
  const hit = await cache.match(req, { ignoreSearch: true });
  if (hit) return hit;
  const resp = await fetch(req);
  if (resp.ok) await cache.put(req, resp.clone());
  return resp;
}
