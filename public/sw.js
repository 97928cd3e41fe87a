// 绿色长春 service worker. Two caches:
//
//  - the app shell (`cc-shell-<version>`): every built file, so the site opens offline. One per
//    release; a new release installs beside the old one and takes over at once, and an old
//    release's cache is deleted as soon as no open page can still ask for its files.
//  - offline copies of the data sources config.json names (`cc-data-v1`): network first; the
//    last complete 2xx answer per URL is kept, across releases, and answers when the network
//    fails, marked with the header `X-CC-Offline-Copy: <when it was received>` so the page says
//    it shows the last data received. Copies not refreshed for 30 days are dropped.
//
// It never sends reports (the page's outbox does, in one place), never touches anything under
// /open311/ or the configured report endpoint, and never stores an answer to a request that
// carries credentials (cookies to another origin, an Authorization header).
//
// tools/finalize-dist.mjs fills in the two lists below (the build's file list, relative to this
// file, which sits at the site's base; a version derived from their bytes). It can be re-run on a
// finalized copy: the markers stay.
const VERSION = /* __CC_SW_VERSION__ */ 'dev';
const SHELL = /* __CC_SW_FILES__ */ [];
const SHELL_PREFIX = 'cc-shell-';
const CACHE = `${SHELL_PREFIX}${VERSION}`;
const DATA_CACHE = 'cc-data-v1';
const DATA_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const OFFLINE_HEADER = 'X-CC-Offline-Copy';
// Hashed build files (Trunk's 16-hex-digit names): immutable, so any cache holding one holds the
// right bytes.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/;
// Inside a shell cache: the ids of its users, the pages (clients) whose HTML is of its release
// and may still ask for its files; and the shell caches that were there when this version took
// over (the only ones it may delete: a newer version installing meanwhile has a cache of its
// own that is none of its business).
const USERS_KEY = '__cc-sw/users';
const OLDER_KEY = '__cc-sw/older';

const scope = new URL(self.registration.scope);
const abs = (rel) => new URL(rel, scope).href;

// ---- Install: the whole shell of this release, or nothing ---------------------------------

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `no-cache`: never let the HTTP cache put an older copy of a file under this version.
    await cache.addAll(SHELL.map((rel) => new Request(abs(rel), { cache: 'no-cache' })));
    await checkPagesBelong(cache);
    if (!(await caches.has(CACHE))) throw new Error(`sw ${VERSION}: cache removed while installing`);
    await self.skipWaiting();
  })());
});

// A deploy caught half-way could pair this release's sw.js with the previous release's HTML.
// Every hashed file the pages name must be in this release's list, or the install fails and the
// previous version stays in charge (the browser retries on a later visit).
async function checkPagesBelong(cache) {
  for (const page of SHELL.filter((rel) => rel.endsWith('.html'))) {
    for (const name of namedFiles(await (await cache.match(abs(page))).text())) {
      if (!SHELL.includes(name)) throw new Error(`sw ${VERSION}: ${page} names ${name}, not in this release`);
    }
  }
}

// The hashed build files an HTML page names.
const namedFiles = (html) => [...html.matchAll(/[\w.-]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css|svg)/g)].map(([n]) => n);

// ---- Activate: take over, keep older shells only while a page may still need them ---------

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((n) => n.startsWith(SHELL_PREFIX) && n !== CACHE);
    await serial(async () => putJson(await caches.open(CACHE), OLDER_KEY, older));
    await self.clients.claim();
    // The pages open now were loaded before this version was in charge: those of an older
    // release are users of that release's cache, which stays until they are gone. Which release
    // a page first loaded without a worker is of is unknown, so all count as users of this
    // cache too (for the version after this one).
    const open = await self.clients.matchAll({ includeUncontrolled: true });
    await addUsers(CACHE, open.map((c) => c.id));
    await tidy();
    await pruneData();
  })());
});

// Reads and writes of the user lists, and deletions, run one at a time.
let queue = Promise.resolve();
const serial = (job) => (queue = queue.then(job, job));
const known = new Map(); // cache name → ids already recorded by this worker instance

async function readJson(cache, key) {
  const entry = await cache.match(abs(key));
  try { return entry ? await entry.json() : []; } catch { return []; }
}

const putJson = (cache, key, value) =>
  cache.put(abs(key), new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } }));

function addUsers(name, ids) {
  const recorded = known.get(name) ?? new Set();
  known.set(name, recorded);
  const fresh = ids.filter((id) => id && !recorded.has(id));
  if (fresh.length === 0) return Promise.resolve();
  fresh.forEach((id) => recorded.add(id));
  return serial(async () => {
    if (!(await caches.has(name))) return; // deleted meanwhile: never re-create it
    const cache = await caches.open(name);
    await putJson(cache, USERS_KEY, [...new Set([...(await readJson(cache, USERS_KEY)), ...fresh])]);
  });
}

// Deletes every older shell cache none of whose users is still open.
let olderLeft = true;
function tidy() {
  return serial(async () => {
    const open = new Set((await self.clients.matchAll({ includeUncontrolled: true })).map((c) => c.id));
    let left = 0;
    for (const name of await readJson(await caches.open(CACHE), OLDER_KEY)) {
      if (!(await caches.has(name))) continue;
      const users = await readJson(await caches.open(name), USERS_KEY);
      if (users.some((id) => open.has(id))) {
        left += 1;
      } else {
        await caches.delete(name);
        known.delete(name);
      }
    }
    olderLeft = left > 0;
  });
}

// A page this worker has not seen yet has just replaced or joined the others (a reload, a new
// tab): once the page it replaced is gone, an older cache may have lost its last user. Checked
// at the page's navigation and again at its first own request (by then the page it replaced
// has been unloaded).
const seen = new Set();
function tidySoon(event, key) {
  if (!olderLeft || seen.has(key)) return;
  seen.add(key);
  event.waitUntil(new Promise((resolve) => setTimeout(resolve, 500)).then(tidy));
}

// ---- Fetch ----------------------------------------------------------------------------------

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.pathname.includes('/open311/')) return;
  const inScope = url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
  const rel = inScope ? url.pathname.slice(scope.pathname.length) : null;
  if (inScope && request.mode === 'navigate') tidySoon(event, `page ${event.resultingClientId}`);
  else if (inScope && event.clientId) tidySoon(event, event.clientId);
  if (inScope && request.mode === 'navigate') {
    event.respondWith(navigation(event, url));
  } else if (rel === 'config.json') {
    event.respondWith(config(event));
  } else if (inScope && SHELL.includes(rel)) {
    event.respondWith(shellFile(event, rel));
  } else if (inScope && HASHED.test(rel)) {
    event.respondWith(olderShellFile(event));
  } else if (mayBeData(request)) {
    event.respondWith(dataFirst(event, url));
  }
});

// A page: from the network while online (a page of this release is recorded as a user of its
// cache: the files it names are all in this release's list), else the cached copy.
async function navigation(event, url) {
  let response;
  try {
    response = await fetch(event.request);
  } catch (err) {
    return cachedPage(url, event.resultingClientId);
  }
  const copy = response.clone();
  event.waitUntil(copy.text().then((html) => {
    const names = namedFiles(html);
    if (names.length > 0 && names.every((n) => SHELL.includes(n))) return addUsers(CACHE, [event.resultingClientId]);
  }, () => {}));
  return response;
}

// The cached copy of the page for a navigation: each route has its own index.html (its <base>
// differs); anything else gets 404.html, whose base is absolute. A route's address without its
// slash is redirected to the slash form first, as the server does: the copy's relative <base>
// ("../") only works there (under a sub-path, /sthjj/env/air would resolve it to /sthjj/).
async function cachedPage(url, clientId) {
  const cache = await caches.open(CACHE);
  const rel = url.pathname.slice(scope.pathname.length).replace(/\/+$/, '');
  const page = rel === '' ? 'index.html' : SHELL.includes(rel) ? rel : `${rel}/index.html`;
  if (page.endsWith('/index.html') && !url.pathname.endsWith('/') && (await cache.match(abs(page)))) {
    return Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301);
  }
  const response = (await cache.match(abs(page))) || (await cache.match(abs('404.html')));
  if (!response) return Response.error();
  addUsers(CACHE, [clientId]);
  return response;
}

// config.json: never stale while online; each answer is kept, so the site opens offline with
// the configuration it last saw (a deployer swaps it without a release).
async function config(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      await cache.put(abs('config.json'), response.clone());
      sources = null;
    }
    return response;
  } catch (err) {
    return (await cache.match(abs('config.json'))) || Response.error();
  }
}

// A file of this release: from its cache (hashed names never change; the rest changes only
// with a new release, which brings a new version of this worker).
async function shellFile(event, rel) {
  const cache = await caches.open(CACHE);
  return (await cache.match(abs(rel))) || fetch(event.request);
}

// A hashed file of another release: a page that release loaded is still open and asks for it.
// The server may not have it any more, so an older shell cache answers first.
async function olderShellFile(event) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(SHELL_PREFIX)) continue;
    const hit = await (await caches.open(name)).match(event.request.url);
    if (hit) return hit;
  }
  return fetch(event.request);
}

// ---- Data sources -----------------------------------------------------------------------

// What could be a data file: a script's fetch (not a page, image or style), readable (CORS or
// same origin), without credentials that could make its answer personal.
function mayBeData(request) {
  return request.mode !== 'navigate' && request.destination === ''
    && (request.mode === 'cors' || request.mode === 'same-origin')
    && request.credentials !== 'include' && !request.headers.has('Authorization');
}

// The configured data sources as URL tests, from the config.json this release last stored.
let sources = null;
function dataSources() {
  if (sources) return sources;
  sources = (async () => {
    const configUrl = abs('config.json');
    const stored = await (await caches.open(CACHE)).match(configUrl);
    let cfg;
    try { cfg = stored ? await stored.json() : null; } catch { cfg = null; }
    const tests = [];
    const exact = (u) => { const href = new URL(u.trim(), configUrl).href; tests.push((x) => x === href); };
    const configured = [cfg?.air?.latest, cfg?.air?.history, cfg?.air?.forecast, cfg?.air?.alerts,
      cfg?.water?.sections, cfg?.water?.results, cfg?.widget?.air_latest];
    for (const s of configured) {
      if (!s || typeof s !== 'object') continue;
      if (typeof s.url === 'string') exact(s.url);
      if (Array.isArray(s.urls)) s.urls.filter((u) => typeof u === 'string').forEach(exact);
      if (typeof s.url_template === 'string') {
        // {date} is YYYY-MM-DD; a placeholder of plain letters survives URL resolution.
        const href = new URL(s.url_template.trim().replaceAll('{date}', 'ccdateplaceholder'), configUrl).href;
        const pattern = href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('ccdateplaceholder', '\\d{4}-\\d{2}-\\d{2}');
        const re = new RegExp(`^${pattern}$`);
        tests.push((x) => re.test(x));
      }
    }
    const report = typeof cfg?.report?.endpoint === 'string' ? new URL(cfg.report.endpoint.trim(), configUrl).href : null;
    return (href) => !(report && href.startsWith(report)) && tests.some((t) => t(href));
  })();
  return sources;
}

async function dataFirst(event, url) {
  const request = event.request;
  const isData = (await dataSources())(url.href);
  if (!isData) return fetch(request);
  try {
    const response = await fetch(request);
    if (keepable(response)) event.waitUntil(storeCopy(request.url, response.clone()));
    return response;
  } catch (err) {
    // The page gave up on it (left, timed out): no answer is wanted.
    if (request.signal?.aborted) throw err;
    const copy = await (await caches.open(DATA_CACHE)).match(request.url, { ignoreVary: true });
    if (copy) return copy;
    throw err;
  }
}

function keepable(response) {
  return response.ok && response.status !== 206
    && (response.type === 'basic' || response.type === 'cors')
    && !/\bno-store\b/i.test(response.headers.get('Cache-Control') || '');
}

// Stored only once the whole body has arrived (a cut-off answer rejects and stores nothing), as
// a response of this worker's own making: readable headers whatever the origin, the mark of
// when it was received already in place.
async function storeCopy(url, response) {
  const body = await response.arrayBuffer();
  const headers = new Headers({
    'Content-Type': response.headers.get('Content-Type') || 'application/octet-stream',
    'Content-Length': String(body.byteLength),
    [OFFLINE_HEADER]: new Date().toISOString(),
    'Access-Control-Expose-Headers': OFFLINE_HEADER,
  });
  await (await caches.open(DATA_CACHE)).put(url, new Response(body, { status: 200, headers }));
  if (Date.now() - lastPrune > 60 * 60 * 1000) await pruneData();
}

// Drops copies not refreshed for 30 days (a dated file that fell out of url_template's window,
// a source no longer configured). Runs only after a successful download or at activation, so
// the copies a reader relies on while offline are never dropped while offline.
let lastPrune = 0;
async function pruneData() {
  lastPrune = Date.now();
  const cache = await caches.open(DATA_CACHE);
  for (const request of await cache.keys()) {
    const entry = await cache.match(request);
    const received = Date.parse(entry?.headers.get(OFFLINE_HEADER) ?? '');
    if (!(lastPrune - received <= DATA_MAX_AGE_MS)) await cache.delete(request);
  }
}

// ---- Messages ---------------------------------------------------------------------------

// `{type: 'cc-version'}` with a MessagePort: the port gets this worker's version (tests, and
// anyone checking which release is in charge).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'cc-version') event.ports[0]?.postMessage(VERSION);
});

// ---- Background Sync ----------------------------------------------------------------------

// Where the browser has it: wake the open pages so their outbox sends.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'cc-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      .then((clients) => clients.forEach((c) => c.postMessage({ type: 'cc-outbox-wake' }))),
  );
});
