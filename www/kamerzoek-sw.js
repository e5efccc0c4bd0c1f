// kamerzoek's service worker: keeps the search working without a network. `kamerzoek build
// --offline` writes it beside the site folder (a worker serves only the pages in its own folder
// and below) with BUILD filled in: the site folder, the files to store on the first visit, and a
// version that changes with any of them, so a new build installs a new worker and drops the old
// store. `offline.js` in the site folder registers it.
//
// The site folder's files are answered from the store first: one build's engine and index belong
// together, and the worker of the next build brings the next set. Every file a visitor fetched is
// stored as it comes, so what they searched once they can search again offline. Pages (and their
// styles, scripts, images) are fetched from the network first and answered from the store only
// when the network fails.

const BUILD = "__KAMERZOEK_BUILD__";
const STORE = `kamerzoek-${BUILD.version}`;
const SITE = new URL(BUILD.dir, self.location.href).href;
const PAGE_PARTS = new Set(['document', 'style', 'script', 'image', 'font', 'manifest']);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(STORE).then((store) => store.addAll(BUILD.precache.map((f) => new URL(f, SITE).href))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('kamerzoek-') && name !== STORE) await caches.delete(name);
    }
    // The page that registered the worker is served by it from now on, so what it fetches next
    // (the engine and the index load when the visitor first searches) is stored.
    await self.clients.claim();
  })());
});

// offline.js sends the page's address and the files it loaded before the worker was there.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.store) ? event.data.store : [];
  const ours = urls.filter((u) => typeof u === 'string' && inScope(u));
  event.waitUntil(caches.open(STORE).then((store) => Promise.all(ours.map(async (u) => {
    if (await store.match(u)) return;
    try {
      const response = await fetch(u);
      if (response.ok && response.status === 200) await store.put(u, response);
    } catch { /* offline already: it is stored when next fetched */ }
  }))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Range requests are answered by the server: a stored whole file is no answer to them.
  if (request.method !== 'GET' || request.headers.has('range') || !inScope(request.url)) return;
  if (request.url.startsWith(SITE)) event.respondWith(storeFirst(request));
  else if (request.mode === 'navigate' || PAGE_PARTS.has(request.destination)) {
    event.respondWith(networkFirst(request));
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

async function storeFirst(request) {
  const store = await caches.open(STORE);
  // The engine restarts with `?restart=N` after a trap: the same file.
  const stored = await store.match(request, { ignoreSearch: true });
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && response.status === 200) await store.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const store = await caches.open(STORE);
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200 && response.type === 'basic') {
      await store.put(request, response.clone());
    }
    return response;
  } catch (err) {
    // A page's address carries the search (?q=...): any stored version of the page will do.
    const stored = await store.match(request) ?? await store.match(request, { ignoreSearch: true });
    if (stored) return stored;
    throw err;
  }
}
