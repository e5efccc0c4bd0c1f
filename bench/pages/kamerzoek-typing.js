import { typing } from './typing.js';

// The widget itself: its debounce, its cancelling of superseded queries, its rendering. It says
// `kamerzoek-search` once a query's hits are shown with titles and excerpts, and
// `kamerzoek-preview` when it shows them with titles first (a small archive, once its letter
// table is here), their excerpts still coming: the first of the two is the time to titles.
await customElements.whenDefined('kamer-zoek');
const widget = document.querySelector('kamer-zoek');
const input = widget.shadowRoot.querySelector('input[type=search]');
typing((shown) => {
  widget.addEventListener('kamerzoek-search', (e) => shown(e.detail.query, true, e.detail.ids));
  // A preview shows hits (never none): counted only with some.
  widget.addEventListener('kamerzoek-preview', (e) => { if (e.detail.ids.length) shown(e.detail.query, false); });
  return (text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
});
