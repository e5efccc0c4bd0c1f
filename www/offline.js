// Registers kamerzoek's service worker, so the search works without a network: include it on the
// page that holds the search, beside the widget:
//   <script type="module" src="./zoeken/offline.js"></script>
// `kamerzoek build --offline` writes the worker beside the site folder (one folder up from this
// file), since a worker serves only pages in its own folder and below. Offline search is an
// addition: where it cannot be had (opened from disk, an old browser) the page works as before.

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const worker = new URL('../kamerzoek-sw.js', import.meta.url);
  navigator.serviceWorker.register(worker).then(async () => {
    // The page and what it loaded came before the worker: it stores them now, for next time.
    const ready = await navigator.serviceWorker.ready;
    const loaded = performance.getEntriesByType('resource').map((r) => r.name);
    ready.active?.postMessage({ store: [location.href, ...loaded] });
  }).catch((err) => console.warn('kamerzoek: no offline search on this page:', err.message));
}
