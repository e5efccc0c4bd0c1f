// The first-visit scenario's watcher (bench/measure.mjs injects it with page.addInitScript before
// the page's own scripts, so it costs the visit no request). It notes the time of every keystroke
// (each `input` event, from the page's box, also out of kamerzoek's shadow root) and the moment
// the box's text, the whole query once typed, is shown with titles:
// - kamerzoek: the widget's `kamerzoek-preview` with hits (titles shown, excerpts coming), else
//   its `kamerzoek-search` (titles and excerpts), for the box's text;
// - Pagefind's Component UI: <pagefind-summary> says the box's text ("1,000 results for TEXT",
//   "No results for TEXT"), and every result of <pagefind-results> in view has its title (the UI shows
//   skeletons first, and loads a result's fragment once its skeleton comes into view); no
//   results at all: the summary saying so.
// window.firstVisit: { last, keys, titles: { query, at, ids, count, via }, full: { query, at, ids } },
// times from performance.now().
(() => {
  const fv = { last: null, keys: 0, titles: null, full: null };
  window.firstVisit = fv;
  const box = () => document.querySelector('kamer-zoek')?.shadowRoot?.querySelector('input[type=search]')
    ?? document.querySelector('pagefind-input input');
  const final = (query) => fv.last !== null && query === box()?.value;
  document.addEventListener('input', () => {
    fv.last = performance.now();
    fv.keys += 1;
    fv.titles = null;
    fv.full = null;
  }, true);

  // kamerzoek
  document.addEventListener('kamerzoek-preview', (e) => {
    const { query, ids, total } = e.detail;
    if (ids.length && final(query) && !fv.titles) fv.titles = { query, at: performance.now(), ids, count: total, via: 'preview' };
  });
  document.addEventListener('kamerzoek-search', (e) => {
    const { query, ids, total } = e.detail;
    if (!final(query)) return;
    const at = performance.now();
    if (!fv.titles) fv.titles = { query, at, ids, count: total, via: 'search' };
    fv.full = { query, at, ids };
  });

  // Pagefind's Component UI
  const idOf = (a) => decodeURIComponent(new URL(a.href).pathname.split('/').pop().replace(/\.html$/, ''));
  const check = () => {
    if (fv.titles || !document.querySelector('pagefind-results')) return;
    const query = box()?.value;
    const said = document.querySelector('pagefind-summary .pf-summary')?.textContent ?? '';
    // The count as the UI writes it (Intl.NumberFormat: "1,000 results for navo").
    const m = /^(?:([\d.,\s]+) results?|No results) for ([\s\S]*)$/.exec(said);
    if (!m || !final(m[2]) || m[2] !== query) return;
    const count = m[1] ? Number(m[1].replace(/\D/g, '')) : 0;
    const items = [...document.querySelectorAll('pagefind-results li.pf-result')];
    if (count > 0) {
      const inView = items.filter((li) => {
        const r = li.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      if (!inView.length || inView.some((li) => !li.querySelector('.pf-result-link'))) return;
    }
    const at = performance.now();
    const ids = items.map((li) => li.querySelector('.pf-result-link')).filter(Boolean).map(idOf);
    fv.titles = { query, at, ids, count, via: 'summary and titles in view' };
    fv.full = fv.titles;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();
