// kamerzoek's service worker: keeps the search working without a network. `kamerzoek build
// --offline` writes it beside the site folder (a worker serves only pages in its own folder and
// below) with BUILD filled in: the site folder, the files to store on the first visit, and a
// version that changes with any of them, so a new build brings a new worker. A build without
// --offline writes it retired: it deletes its stores and unregisters itself.
//
// What it keeps, per site folder (two sites on one origin keep theirs apart):
// - the site's files, per build: the content-named index files are answered from the store
//   first (a name is its content); the entry file and the engine are fetched first and answered
//   from the store only when the network fails, so an online visitor always gets the current
//   build, and never an old entry file naming chunks a new build removed;
// - the pages that include offline.js, and the styles, scripts and images they loaded, kept
//   across builds, fetched first and answered from the store when the network fails;
// - ranges of the index's files (a letter pack's header, a letter in it): cut from the whole file
//   when stored, else from the same range stored before, else fetched and that range kept.
// Nothing else of the site is touched: other pages, other origins, other range requests,
// anything the server marks `no-store` or `private`.

import { isWholePack } from './engine/pack-header.js';

const BUILD = "__KAMERZOEK_BUILD__";
const SITE = new URL(BUILD.dir, self.location.href).href;
const PREFIX = `kamerzoek:${SITE}:`;
const STORE = PREFIX + BUILD.version;
const PAGES = `kamerzoek-pages:${SITE}`;
const ENTRY = `${SITE}index/kamerzoek.idx`;
const PAGE_PARTS = new Set(['document', 'style', 'script', 'image', 'font']);

self.addEventListener('install', (event) => {
  self.skipWaiting();
  if (BUILD.retired) return;
  // Past the HTTP cache: an old entry file or engine from it would be kept for the worker's life.
  event.waitUntil(caches.open(STORE).then((store) => store.addAll(
    BUILD.precache.map((f) => new Request(new URL(f, SITE).href, { cache: 'reload' })),
  )));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      const mine = name.startsWith(PREFIX) || name === PAGES;
      if (mine && (BUILD.retired || (name !== STORE && name !== PAGES))) await caches.delete(name);
    }
    if (BUILD.retired) {
      await self.registration.unregister();
      return;
    }
    // The page that registered the worker is served by it from now on, so what it fetches next
    // (the engine and the index load when the visitor first searches) is stored.
    await self.clients.claim();
  })());
});

// offline.js sends its page's address and the files it loaded: the pages that asked.
self.addEventListener('message', (event) => {
  if (BUILD.retired) return;
  const urls = Array.isArray(event.data?.store) ? event.data.store : [];
  const asked = urls.filter((u) => typeof u === 'string' && inScope(u) && !u.startsWith(SITE));
  event.waitUntil(caches.open(PAGES).then((pages) => Promise.all(asked.map(async (u) => {
    if (await pages.match(u)) return;
    try {
      const response = await fetch(u);
      if (storable(response)) await pages.put(u, response);
    } catch { /* offline already: stored when next fetched */ }
  }))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (BUILD.retired || request.method !== 'GET' || !inScope(request.url)) return;
  const named = request.url.startsWith(`${SITE}index/`) && !request.url.startsWith(ENTRY);
  if (request.headers.has('range')) {
    // A letter pack's header, or one letter in it: the index's files never change.
    if (named) event.respondWith(rangeFromStore(event, STORE));
    return;
  }
  if (request.url.startsWith(SITE)) {
    event.respondWith(named ? storeFirst(event, STORE) : networkFirst(event, STORE, false));
  } else if (request.mode === 'navigate' || PAGE_PARTS.has(request.destination)) {
    event.respondWith(networkFirst(event, PAGES, true));
  }
});

function inScope(url) {
  try {
    const u = new URL(url, self.location.href);
    return u.origin === self.location.origin && u.href.startsWith(self.registration.scope);
  } catch {
    return false;
  }
}

// An answer of this origin with `status` (a whole file unless said) that the server lets be kept.
function storable(response, status = 200) {
  const control = response.headers.get('cache-control') ?? '';
  return response.status === status && response.type === 'basic' && !/no-store|private/i.test(control);
}

// Keeps a copy without holding up the answer; a full store loses the copy, never the answer.
function keep(event, name, request, response) {
  if (!storable(response)) return;
  const copy = response.clone();
  event.waitUntil(caches.open(name).then((store) => store.put(request, copy)).catch(() => {}));
}

async function storeFirst(event, name) {
  const store = await caches.open(name);
  const stored = await store.match(event.request);
  if (stored) return stored;
  const response = await fetch(event.request);
  keep(event, name, event.request, response);
  return response;
}

// A range of an index file: cut from the whole file when it is stored (stored first, or sent
// whole by a server that ignores ranges), else from a stored copy of this very range (what a
// visit fetched before), else fetched and that range kept under a key of its own.
async function rangeFromStore(event, name) {
  const request = event.request;
  const asked = /^bytes=(\d+)-(\d+)$/.exec(request.headers.get('range'));
  if (!asked) return fetch(request);
  const [start, end] = [Number(asked[1]), Number(asked[2])];
  // The page asks for each letter by its pack's URL with the letter's number as a query: the
  // file is the URL without it.
  const file = new URL(request.url);
  file.search = '';
  const store = await caches.open(name);
  const partial = (body, total = '*') => new Response(body, {
    status: 206,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': `bytes ${start}-${start + body.byteLength - 1}/${total}` },
  });
  const whole = await store.match(file.href);
  if (whole) {
    const body = new Uint8Array(await whole.arrayBuffer());
    return partial(body.slice(start, end + 1), body.length);
  }
  const key = `${file.href}?bytes=${start}-${end}`;
  const part = await store.match(key);
  if (part) return partial(new Uint8Array(await part.arrayBuffer()));
  const response = await fetch(request);
  const sent = response.headers.get('content-range') ?? '';
  if (storable(response, 206) && sent.startsWith(`bytes ${start}-${end}/`)) {
    const copy = response.clone();
    event.waitUntil(copy.arrayBuffer().then((body) => store.put(key, new Response(body))).catch(() => {}));
  } else if (storable(response)) {
    // Sent whole: kept as the pack only when it is one (a login or error page, or a range sent
    // as 200, would otherwise answer for the pack's letters for as long as this build is kept).
    const copy = response.clone();
    event.waitUntil(copy.arrayBuffer().then((body) => isWholePack(new Uint8Array(body))
      && store.put(file.href, new Response(body, { headers: copy.headers }))).catch(() => {}));
  }
  return response;
}

// `onlyKept`: only what is in the store already is kept up to date (the pages that asked).
async function networkFirst(event, name, onlyKept) {
  const store = await caches.open(name);
  const request = event.request;
  // A page's address carries the search (?q=...); the engine restarts with ?restart=N.
  const stored = () => store.match(request).then((hit) => hit ?? store.match(request, { ignoreSearch: true }));
  const kept = onlyKept ? await stored() : true;
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    const fallback = await stored();
    if (fallback) return fallback;
    throw err;
  }
  if (kept) keep(event, name, request, response);
  return response;
}
