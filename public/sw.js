// 绿色长春 app-shell service worker. It only caches the built site so that it opens offline,
// and wakes open pages on Background Sync; it never sends reports (the page's outbox does, in
// one place) and never touches /open311/ or the data feeds.
//
// tools/finalize-dist.mjs replaces the two placeholders below with the build's file list (paths
// relative to this file, which sits at the site's base) and a version derived from their bytes.
const VERSION = '__CC_SW_VERSION__';
const SHELL = /* __CC_SW_FILES__ */ [];
const CACHE = `cc-shell-${VERSION}`;
const scope = new URL(self.registration.scope);

const abs = (rel) => new URL(rel, scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map(abs)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cc-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The cached copy of the page for a navigation: each route has its own index.html (its <base>
// differs); anything else gets 404.html, whose base is absolute.
async function cachedPage(url) {
  const cache = await caches.open(CACHE);
  const rel = url.pathname.slice(scope.pathname.length).replace(/\/+$/, '');
  const page = rel === '' ? 'index.html' : `${rel}/index.html`;
  return (await cache.match(abs(page))) || (await cache.match(abs('404.html'))) || Response.error();
}

async function networkFirst(request, fallback) {
  try {
    const response = await fetch(request);
    return response;
  } catch (err) {
    return fallback();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const rel = url.pathname.slice(scope.pathname.length);
  if (rel.startsWith('open311/') || url.pathname.includes('/open311/') || rel.startsWith('data/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, () => cachedPage(url)));
  } else if (rel === 'config.json') {
    // Never stale while online; the last copy lets the form open offline.
    event.respondWith(caches.open(CACHE).then((cache) => networkFirst(request, () => cache.match(abs(rel)).then((r) => r || Response.error()))));
  } else if (SHELL.includes(rel)) {
    // Hashed build files never change under the same name.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(abs(rel)).then((r) => r || fetch(request))));
  }
});

// Background Sync (where the browser has it): wake the open pages so their outbox sends.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'cc-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      .then((clients) => clients.forEach((c) => c.postMessage({ type: 'cc-outbox-wake' }))),
  );
});
