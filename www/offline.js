// Registers kamerzoek's service worker, so the search works without a network: include it on the
// pages that hold the search, beside the widget:
//   <script type="module" src="./zoeken/offline.js"></script>
// `kamerzoek build --offline` writes the worker beside the site folder (one folder up from this
// file), since a worker serves only pages in its own folder and below. It is registered for the
// page's own folder; a folder whose pages another service worker serves is left to that one.
// Offline search is an addition: where it cannot be had (opened from disk, an old browser, a
// worker of the site's own) the page works as before, and the console says why.

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const worker = new URL('../kamerzoek-sw.js', import.meta.url).href;
  const scope = new URL('./', location.href).href;
  (async () => {
    const existing = await navigator.serviceWorker.getRegistration(location.href);
    const theirs = existing && (existing.active ?? existing.waiting ?? existing.installing)?.scriptURL;
    if (theirs && theirs !== worker) {
      console.warn(`kamerzoek: no offline search: this page is served by another service worker (${theirs})`);
      return;
    }
    await navigator.serviceWorker.register(worker, { scope });
    const ready = await navigator.serviceWorker.ready;
    // The page and what it loaded (styles, scripts, images; no API calls) came before the worker,
    // or changed since: it keeps them, for next time.
    const parts = new Set(['script', 'link', 'css', 'img']);
    const loaded = performance.getEntriesByType('resource').filter((r) => parts.has(r.initiatorType)).map((r) => r.name);
    ready.active?.postMessage({ store: [location.href, ...loaded] });
  })().catch((err) => console.warn('kamerzoek: no offline search on this page:', err.message));
}
