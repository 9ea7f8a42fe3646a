/*
 * Layerlab's service worker: keeps the page working offline after the first
 * load (design.md §7). The build (vite.config.ts, precache plugin) replaces
 * the PRECACHE token below with the list of every file of dist/ and a
 * version hash, so each build is a new service worker that installs its own
 * cache and drops the old one.
 *
 * Strategy: the app shell and every chunk (the lazily loaded shell engine,
 * docker CLI and catalog included) are cached at install; requests are
 * answered from the cache first, then the network; navigations fall back to
 * the cached index.html.
 */
const MANIFEST = /*PRECACHE*/ { version: 'dev', files: [] };
const CACHE = `layerlab-${MANIFEST.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(['./', ...MANIFEST.files.map((f) => `./${f}`)]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('layerlab-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // ignoreVary: servers send `Vary: Origin`, and a module script's request carries an Origin the precache request had not.
      const hit = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === 'navigate') {
          const shell = await cache.match('./');
          if (shell) return shell;
        }
        throw error;
      }
    }),
  );
});
