// <kamer-zoek>: the search widget. Attributes:
//   index="./index/"     the index folder, relative to the page; by default the index/ folder
//                        beside this script, where `kamerzoek build` puts it
//   placeholder="..."    the search box's placeholder
//   limit="10"           how many results to show
//   url-state="off"      keep the search out of the page's URL (on by default)
//   lang="en"            English labels and messages (Dutch by default), read when first connected
// Events (bubbling, composed): kamerzoek-search {query, total, partial, ids},
// kamerzoek-preview {query, total, ids} (titles shown, excerpts coming), kamerzoek-open {id, title}.
// Theming: CSS custom properties (--kz-accent, --kz-bg, --kz-fg, --kz-muted, --kz-border,
// --kz-mark, --kz-radius, --kz-font) and ::part(input | results | result | facet | timeline |
// timeline-bar | reader).

import { load } from './engine.js';
import {
  byYear, count, el, facetGroups, metaLine, milliseconds, rangeLabel, relatedList, resultItem, sameMeeting,
  timelineChart,
} from './render.js';
import { strings } from './strings.js';
import { noFilters, noRange, readUrl, writeUrl } from './url-state.js';

const DEBOUNCE_MS = 80;

// Whether `now` is `before` typed on (or back): one extends the other.
const typingOn = (before, now) => before !== '' && now !== '' && (now.startsWith(before) || before.startsWith(now));

// What a visitor reads when something fails: what happened, in the widget's language, and whether
// trying again can help. The technical detail goes to the console, for the site's owner.
function explain(t, err, doing) {
  console.warn(`kamerzoek: ${doing}:`, err);
  return t.trouble[err?.kind] ?? t.unexpected;
}

let stylesheet = new URL('./widget.css', import.meta.url).href;

// The widgets on the page: a bundled page may say where the stylesheet is after its elements
// were made (the element is defined, and upgraded, as the module is imported).
const connected = new Set();

/** Where the widget's stylesheet is, for a bundled page (see configure in kamerzoek.js). */
export function configureWidget({ stylesheet: url } = {}) {
  if (!url) return;
  stylesheet = new URL(url, document.baseURI).href;
  for (const widget of connected) widget.shadowRoot?.querySelector('link[rel=stylesheet]')?.setAttribute('href', stylesheet);
}

const template = (t) => `
<link rel="stylesheet">
<div class="kz" part="container">
  <div class="bar" role="search">
    <label for="kz-q" class="label">${t.label}</label>
    <input id="kz-q" type="search" part="input" role="combobox" aria-autocomplete="list"
           aria-expanded="false" aria-controls="kz-results" autocomplete="off" spellcheck="false"
           enterkeyhint="search">
    <p class="hint">${t.hint}</p>
  </div>
  <div class="controls" hidden>
    <div class="timeline-box"></div>
    <div class="control-row">
      <button type="button" class="filters-toggle" aria-expanded="false" aria-controls="kz-facets"></button>
      <div class="chips"></div>
      <label class="group"><input type="checkbox" class="group-toggle"> ${t.groupByMeeting}</label>
      <label class="sort">${t.sort}
        <select>
          <option value="relevance">${t.relevance}</option>
          <option value="-date">${t.newest}</option>
          <option value="date">${t.oldest}</option>
        </select>
      </label>
    </div>
    <div class="facets" id="kz-facets"></div>
  </div>
  <p class="status" role="status" aria-live="polite"></p>
  <p class="expanded" hidden></p>
  <p class="suggestion" hidden>${t.didYouMean[0]}<button type="button" class="link"></button>${t.didYouMean[1]}</p>
  <ol id="kz-results" class="results" role="listbox" aria-label="${t.results}" aria-busy="false" part="results"></ol>
  <article class="reader" hidden part="reader" aria-labelledby="kz-reader-title">
    <nav class="reader-bar" aria-label="${t.letterNav}">
      <button type="button" class="back">${t.back}</button>
      <span class="match-count" aria-live="polite"></span>
      <button type="button" class="prev" aria-label="${t.previous[0]}">${t.previous[1]}</button>
      <button type="button" class="next" aria-label="${t.next[0]}">${t.next[1]}</button>
    </nav>
    <h2 id="kz-reader-title" tabindex="-1"></h2>
    <p class="meta"></p>
    <div class="same"></div>
    <div class="letter"></div>
    <div class="after"></div>
  </article>
</div>`;

export class KamerZoek extends HTMLElement {
  static observedAttributes = ['placeholder'];

  constructor() {
    super();
    this.ui = null; // made when the element is first connected (see `build`)
    // The one truth about what is shown: the reader is open exactly when `state.open` is an id.
    this.state = { query: '', filters: noFilters(), range: noRange(), sort: 'relevance', group: '', open: null };
    this.engine = null; // the load promise, made on first use so visitors who never search pay nothing
    this.hits = [];
    this.active = -1;
    this.previewed = false; // the hits shown are a preview (excerpts still coming)
    this.facets = null; // the last facets shown
    this.unfolded = new Set(); // facet fields whose every value the visitor asked to see
    this.sequence = 0;
    this.timer = 0;
    this.scheduled = false; // a query waits for typing to pause (the list stays busy)
    this.resume = false; // taken off the page with a query under way: ask it again when put back
    this.openedByPush = false;
    this.onKeydown = this.onGlobalKey.bind(this);
    this.onPopState = () => this.applyUrl();
  }

  // The shadow DOM, once, when the element is first connected: its attributes are there by then
  // also when a script made it (`createElement`, then `setAttribute('lang', 'en')`), which a
  // constructor may not read. The language is read here, once: `lang="en"` for English.
  build() {
    if (this.ui) return;
    this.t = strings(this.getAttribute('lang'));
    this.attachShadow({ mode: 'open' }).innerHTML = template(this.t);
    // After the module that imported the widget has run: a bundled page's configure() comes after
    // the element is defined (and upgraded), and the stylesheet is fetched once, from its place.
    const link = this.shadowRoot.querySelector('link[rel=stylesheet]');
    queueMicrotask(() => link.setAttribute('href', stylesheet));
    const $ = (selector) => this.shadowRoot.querySelector(selector);
    this.ui = {
      input: $('input'), controls: $('.controls'), facets: $('.facets'), sort: $('select'),
      timeline: $('.timeline-box'), chips: $('.chips'), filtersToggle: $('.filters-toggle'), groupToggle: $('.group-toggle'),
      status: $('.status'), expanded: $('.expanded'), suggestion: $('.suggestion'), suggestionButton: $('.suggestion button'),
      list: $('.results'), reader: $('.reader'), readerTitle: $('#kz-reader-title'),
      readerMeta: $('.reader .meta'), readerSame: $('.reader .same'), readerAfter: $('.reader .after'), letter: $('.letter'), matchCount: $('.match-count'),
      back: $('.back'), prev: $('.prev'), next: $('.next'),
    };
    this.bindEvents();
  }

  get urlState() {
    return this.getAttribute('url-state') !== 'off';
  }

  get limit() {
    return Number.parseInt(this.getAttribute('limit'), 10) || 10;
  }

  connectedCallback() {
    connected.add(this);
    // Moved on the page (taken off and put back), it keeps what the visitor typed: the URL is
    // read the first time only.
    const first = !this.ui;
    this.build();
    this.ui.input.placeholder = this.getAttribute('placeholder') ?? this.t.placeholder;
    window.addEventListener('keydown', this.onKeydown);
    if (this.urlState) {
      window.addEventListener('popstate', this.onPopState);
      if (first) this.applyUrl();
    }
    // Put back on a page while a query was under way: it is asked again.
    if (this.resume) {
      this.resume = false;
      this.schedule();
    }
  }

  // A widget taken off the page stops working: the query waiting for a pause in typing, the one
  // under way and their fetches end, and an answer still coming is not shown (nor told).
  disconnectedCallback() {
    connected.delete(this);
    window.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('popstate', this.onPopState);
    this.resume = this.scheduled || this.ui?.list.getAttribute('aria-busy') === 'true';
    clearTimeout(this.timer);
    this.scheduled = false;
    this.sequence += 1;
    this.pending?.abort();
    this.background?.abort();
    this.pending = null;
    this.background = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'placeholder' && this.ui) this.ui.input.placeholder = value ?? '';
  }

  bindEvents() {
    const { input, facets, sort, list, suggestionButton, back, prev, next } = this.ui;
    input.addEventListener('focus', () => this.ensureEngine(), { once: true });
    input.addEventListener('input', () => {
      this.state.query = input.value;
      // Typing while a letter is open is a new search: what was typed last wins.
      if (this.state.open) this.leaveLetter();
      this.schedule();
    });
    input.addEventListener('keydown', (event) => this.onInputKey(event));
    facets.addEventListener('click', (event) => {
      const more = event.target.closest('button[data-more]');
      if (more) {
        this.unfolded.add(more.dataset.more);
        this.renderFacets(this.facets);
        this.ui.facets.querySelector(`[data-field="${more.dataset.more}"]`)?.focus();
        return;
      }
      const button = event.target.closest('button.facet');
      if (!button) return;
      const { field, value } = button.dataset;
      const chosen = this.state.filters[field];
      this.state.filters[field] = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
      this.search();
    });
    this.bindTimeline();
    this.ui.chips.addEventListener('click', (event) => {
      if (!event.target.closest('.range-chip')) return;
      this.state.range = noRange();
      this.search();
      this.ui.input.focus();
    });
    this.ui.filtersToggle.addEventListener('click', () => {
      const open = !this.ui.facets.classList.contains('open');
      this.ui.facets.classList.toggle('open', open);
      this.ui.filtersToggle.setAttribute('aria-expanded', String(open));
    });
    this.ui.groupToggle.addEventListener('change', () => {
      this.state.group = this.ui.groupToggle.checked ? 'meeting' : '';
      this.search();
    });
    sort.addEventListener('change', () => {
      this.state.sort = sort.value;
      this.search();
    });
    list.addEventListener('click', (event) => {
      // A letter of the same meeting, named in a hit.
      const other = event.target.closest('[data-open]');
      if (other) {
        this.openLetter(other.dataset.open);
        return;
      }
      const item = event.target.closest('[data-id]');
      if (item) this.openLetter(item.dataset.id);
    });
    suggestionButton.addEventListener('click', () => {
      input.value = suggestionButton.textContent;
      this.state.query = input.value;
      this.search();
      input.focus();
    });
    back.addEventListener('click', () => this.closeLetter());
    prev.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    for (const links of [this.ui.readerSame, this.ui.readerAfter]) {
      links.addEventListener('click', (event) => {
        const other = event.target.closest('[data-open]');
        if (other) this.openLetter(other.dataset.open);
      });
    }
    this.ui.reader.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeLetter();
      }
    });
  }

  ensureEngine() {
    if (!this.engine) {
      this.setStatus(this.t.loading);
      this.shadowRoot.querySelector('.kz').classList.add('loading');
      // Without the attribute, load() takes the index beside the scripts, where `kamerzoek build`
      // puts it, wherever the page is.
      this.engine = load(this.getAttribute('index') ?? undefined);
      this.engine.then(
        (idx) => {
          this.shadowRoot.querySelector('.kz').classList.remove('loading');
          if (this.state.query.trim() === '' && !this.state.open) this.setStatus(this.t.searchIn(count(idx.docCount, this.t)));
        },
        (err) => {
          // Forget the failure, so the next keystroke tries again.
          this.engine = null;
          this.shadowRoot.querySelector('.kz').classList.remove('loading');
          this.setStatus(explain(this.t, err, 'loading the index'), true);
        },
      );
    }
    return this.engine;
  }

  setStatus(text, error = false) {
    if (error) this.ui.status.setAttribute('aria-busy', 'false'); // after a preview, too
    this.ui.status.textContent = text;
    this.ui.status.classList.toggle('error', error);
    this.ui.status.setAttribute('role', error ? 'alert' : 'status');
  }

  // Marks the list busy at once, and searches when typing pauses.
  schedule() {
    this.ui.list.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.scheduled = true;
    this.timer = setTimeout(() => this.search(), DEBOUNCE_MS);
  }

  // The list is idle only when no query runs and none waits for typing to pause: a query that
  // ends while the next one is scheduled leaves it busy.
  idle() {
    if (!this.scheduled) this.ui.list.setAttribute('aria-busy', 'false');
  }

  async search() {
    clearTimeout(this.timer);
    this.scheduled = false;
    const number = ++this.sequence;
    // A query superseded while the visitor goes on typing the same words runs on unseen: the
    // letters it fetches are mostly the next one's, which then finds them here. Only the latest
    // such query runs on; an older one, or one for other words, is cancelled with its fetches
    // (those another query shares stay).
    this.background?.abort();
    this.background = null;
    if (this.pending && typingOn(this.pending.query, this.state.query)) this.background = this.pending;
    else this.pending?.abort();
    const pending = new AbortController();
    pending.query = this.state.query;
    this.pending = pending;
    const { list } = this.ui;
    list.setAttribute('aria-busy', 'true');
    let idx;
    try {
      idx = await this.ensureEngine();
    } catch {
      if (number === this.sequence) this.idle();
      return;
    }
    if (number !== this.sequence) return;
    const { query, filters, range, sort, group } = this.state;
    const started = performance.now();
    const options = { limit: this.limit, filters, ...range, sort, group, signal: pending.signal };
    try {
      // The hits first: the facets need the letter table, which a large index keeps apart, so
      // they come with the hits once it is here, and from a second query until then.
      // In a small archive, once the letter table is here (it comes with the first facets),
      // the hits show with titles and dates while their letters come; the excerpts follow.
      const preview = (early) => {
        if (number !== this.sequence) return;
        this.render(early, performance.now() - started, idx.docCount, true);
        this.tell('kamerzoek-preview', { query, total: early.total, ids: early.hits.map((h) => h.id) });
      };
      const results = await idx.search(query, { ...options, facets: 'if-loaded', typing: this, preview });
      if (number !== this.sequence) return;
      this.render(results, performance.now() - started, idx.docCount);
      this.tell('kamerzoek-search', {
        query, total: results.total, partial: results.partial, ids: results.hits.map((h) => h.id),
      });
      const { facets } = results.facets ? results : await idx.search(query, options);
      if (number !== this.sequence) return;
      this.renderFacets(facets);
    } catch (err) {
      if (number !== this.sequence) return;
      if (err?.kind === 'option' && (this.state.range.from || this.state.range.to)) {
        // A bad date (a hand-edited link): search without the period, and say so.
        this.badRange = [this.state.range.from, this.state.range.to].filter(Boolean).join(' – ');
        console.warn('kamerzoek: the period left out:', err);
        this.state.range = noRange();
        this.search();
        return;
      }
      // Never the previous query's results under this query's error.
      this.clearResults();
      this.setStatus(explain(this.t, err, `searching for "${query}"`), true);
    }
    this.idle();
    if (this.urlState && !this.state.open) writeUrl(this.state);
  }

  clearResults() {
    const { list, input, suggestion } = this.ui;
    this.ui.expanded.hidden = true;
    this.hits = [];
    this.active = -1;
    list.replaceChildren();
    input.removeAttribute('aria-activedescendant');
    input.setAttribute('aria-expanded', 'false');
    suggestion.hidden = true;
  }

  renderFacets(facets) {
    this.facets = facets;
    this.ui.facets.replaceChildren(...facetGroups(facets, this.state.filters, this.t, this.unfolded));
    // The timeline is drawn anew; the bar that had the focus keeps it.
    const focused = this.shadowRoot.activeElement?.dataset?.period;
    const chart = timelineChart(facets?.timeline, this.state.range, this.t);
    this.ui.timeline.replaceChildren(...(chart ? [chart] : []));
    if (focused) this.ui.timeline.querySelector(`[data-period="${CSS.escape(focused)}"]`)?.focus();
    this.updateControls();
  }

  // The chosen range as a chip that removes it, and how many filters hold, on the button that
  // shows them on a narrow screen.
  renderChips() {
    const { range, filters } = this.state;
    const label = range.from || range.to ? rangeLabel(range, this.t) : '';
    this.ui.chips.replaceChildren(...(label
      ? [el('button', { type: 'button', class: 'range-chip', 'aria-label': this.t.removeRange(label) },
        label, el('span', { 'aria-hidden': 'true' }, ' ×'))]
      : []));
    const active = Object.values(filters).reduce((n, values) => n + values.length, 0);
    this.ui.filtersToggle.textContent = active ? `${this.t.filters} (${active})` : this.t.filters;
  }

  // Facets and sort show with results, and with facets to choose from; never with a letter open.
  updateControls() {
    const empty = this.ui.facets.childElementCount === 0 && this.ui.timeline.childElementCount === 0;
    this.ui.controls.hidden = this.state.open != null || (this.blank && !this.filtered && empty);
    this.renderChips();
  }

  // The timeline: a bar (its button) filters to its year or month, again removes the range;
  // shift-click, dragging over bars, or Shift with the arrow keys takes several. The arrow keys,
  // Home and End move between the bars.
  bindTimeline() {
    const box = this.ui.timeline;
    const periodAt = (x, y) => this.shadowRoot.elementFromPoint(x, y)?.closest?.('.tick')?.dataset.period;
    const span = (a, b) => (a <= b ? { from: a, to: b } : { from: b, to: a });
    const setRange = (range, later = false) => {
      this.state.range = range;
      if (later) this.schedule();
      else this.search();
    };
    const current = () => {
      const { from, to } = this.state.range;
      return from && to ? [from, to] : null;
    };
    // The range `chosen` ([from, to]) widened to take `period` in.
    const extend = (chosen, period) => ({
      from: period < chosen[0] ? period : chosen[0],
      to: period > chosen[1] ? period : chosen[1],
    });
    box.addEventListener('click', (event) => {
      const tick = event.target.closest('.tick');
      if (!tick || this.dragged) return;
      const period = tick.dataset.period;
      const chosen = current();
      if (event.shiftKey && chosen) setRange(extend(chosen, period));
      else if (chosen && chosen[0] === period && chosen[1] === period) setRange(noRange());
      else setRange({ from: period, to: period });
    });
    box.addEventListener('pointerdown', (event) => {
      const tick = event.target.closest('.tick');
      this.dragged = false;
      this.drag = tick && event.button === 0 ? { anchor: tick.dataset.period, over: tick.dataset.period } : null;
    });
    box.addEventListener('pointermove', (event) => {
      if (!this.drag) return;
      const over = periodAt(event.clientX, event.clientY);
      if (!over || over === this.drag.over) return;
      this.drag.over = over;
      this.dragged = true;
      const { from, to } = span(this.drag.anchor, over);
      for (const tick of box.querySelectorAll('.tick')) {
        tick.classList.toggle('preview', tick.dataset.period >= from && tick.dataset.period <= to);
      }
    });
    const drop = () => {
      if (this.drag && this.dragged) setRange(span(this.drag.anchor, this.drag.over));
      this.drag = null;
      // The click that ends a drag is not a click on a bar.
      setTimeout(() => { this.dragged = false; });
    };
    box.addEventListener('pointerup', drop);
    box.addEventListener('pointercancel', () => { this.drag = null; this.dragged = false; });
    box.addEventListener('keydown', (event) => {
      const ticks = [...box.querySelectorAll('.tick')];
      const at = ticks.indexOf(event.target);
      if (at < 0) return;
      const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: ticks.length - 1 }[event.key];
      if (to == null) return;
      event.preventDefault();
      const next = ticks[Math.max(0, Math.min(ticks.length - 1, to))];
      for (const tick of ticks) tick.tabIndex = tick === next ? 0 : -1;
      next.focus();
      if (event.shiftKey) {
        const chosen = current() ?? [event.target.dataset.period, event.target.dataset.period];
        setRange(extend(chosen, next.dataset.period), true);
      }
    });
  }

  get blank() {
    return this.state.query.trim() === '';
  }

  get filtered() {
    return Object.values(this.state.filters).some((v) => v.length > 0) || Boolean(this.state.range.from || this.state.range.to);
  }

  /** Tells the host page what happened: an event that bubbles out of the shadow root. */
  tell(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // `early`: a preview, the hits whose letters are still coming without excerpts.
  render(results, ms, docCount, early = false) {
    const { list, sort, input, suggestion, suggestionButton } = this.ui;
    const { blank, filtered } = this;
    // The answer after its preview, the same hits: the row chosen with the arrow keys stays chosen.
    const same = this.previewed && this.hits.length === results.hits.length
      && this.hits.every((h, i) => h.id === results.hits[i].id);
    const chosen = same ? this.active : -1;
    this.previewed = early;
    this.hits = results.hits;
    this.active = -1;
    input.removeAttribute('aria-activedescendant');
    const items = results.hits.map((hit, i) => resultItem(hit, i, this.t, early && !hit.excerpt));
    if (this.state.sort === 'relevance') list.replaceChildren(...items);
    else {
      // Sorted by date, the list reads as a chronology: a heading per year.
      let i = 0;
      list.replaceChildren(...byYear(results.hits).map(([year, hits], g) => el('li', {
        role: 'group', class: 'year-group', 'aria-labelledby': `kz-year-${g}`,
      },
      el('div', { class: 'year-heading', id: `kz-year-${g}` }, year || this.t.noDate),
      el('ul', { role: 'none' }, ...hits.map(() => items[i++])))));
    }
    input.setAttribute('aria-expanded', results.hits.length > 0 ? 'true' : 'false');
    sort.value = this.state.sort;
    this.updateControls();
    suggestion.hidden = !results.suggestion;
    suggestionButton.textContent = results.suggestion ?? '';
    // What else was searched: a country for its adjective, a correction for a typo.
    // One group per word typed: "euro, miljoen (hoeveel)".
    const by = new Map();
    for (const { from, to } of results.expanded ?? []) by.set(from, [...(by.get(from) ?? []), to]);
    const also = [...by].map(([from, tos]) => `${tos.join(', ')} (${from})`);
    this.ui.expanded.hidden = also.length === 0;
    const { t } = this;
    this.ui.expanded.textContent = also.length ? t.alsoSearched(also.join(', ')) : '';
    const n = results.total;
    const time = milliseconds(ms, t);
    const note = (results.incomplete ? ` ${t.incomplete}` : '') + (results.cut ? ` ${t.cut}` : '') + (this.badRange ? ` ${t.badRange(this.badRange)}` : '');
    this.badRange = null;
    // A preview's count is said once, with the answer: the live region waits while busy.
    this.ui.status.setAttribute('aria-busy', early ? 'true' : 'false');
    if (chosen >= 0) this.setActive(chosen);
    if (blank && !filtered) this.setStatus(t.searchIn(count(docCount, t)));
    else if (n === 0) this.setStatus((blank ? t.noneFiltered : t.none(results.query.trim())) + note);
    else if (results.partial) this.setStatus(t.partial(count(n, t), n !== 1, time) + note);
    else this.setStatus(t.found(count(n, t), n !== 1, time) + note);
  }

  onInputKey(event) {
    const shown = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (shown === 0) return;
        event.preventDefault();
        this.setActive(event.key === 'ArrowDown' ? (this.active + 1) % shown : (this.active - 1 + shown) % shown);
        break;
      case 'Enter':
        event.preventDefault();
        if (shown > 0) this.openLetter(this.hits[Math.max(this.active, 0)].id);
        break;
      case 'Escape':
        event.preventDefault();
        if (this.active >= 0) this.setActive(-1);
        else {
          this.ui.input.value = '';
          this.state.query = '';
          this.search();
        }
        break;
      default:
    }
  }

  setActive(index) {
    const items = this.ui.list.querySelectorAll('[role=option]');
    items.forEach((item, i) => {
      item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      item.classList.toggle('active', i === index);
    });
    this.active = index;
    if (index >= 0) {
      this.ui.input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      this.ui.input.removeAttribute('aria-activedescendant');
    }
  }

  // '/' anywhere on the page focuses the box, unless the visitor is typing somewhere.
  onGlobalKey(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (typing) return;
    event.preventDefault();
    if (this.state.open) this.closeLetter();
    this.ui.input.focus();
  }

  async openLetter(id, { push = true } = {}) {
    let idx;
    try {
      idx = await this.ensureEngine();
    } catch {
      return;
    }
    let reading;
    try {
      reading = await idx.read(id, this.state.query);
    } catch (err) {
      this.setStatus(`${this.t.cannotOpen} ${explain(this.t, err, `opening ${id}`)}`, true);
      return;
    }
    if (!reading) {
      this.setStatus(this.t.notInIndex(id), true);
      return;
    }
    const { reader, readerTitle, readerMeta, letter, list, controls, suggestion } = this.ui;
    readerTitle.textContent = reading.title;
    readerMeta.textContent = [metaLine(reading, this.t), reading.kamerstuk && this.t.kamerstuk(reading.kamerstuk)]
      .filter(Boolean).join(' · ');
    const same = sameMeeting(reading.same_meeting, this.t);
    this.ui.readerSame.replaceChildren(...(same ? [same] : []));
    const related = relatedList(reading.related, this.t);
    this.ui.readerAfter.replaceChildren(...(related ? [related] : []));
    // Safe: the engine escapes the letter and adds only <p>, <h3 id> and <mark> elements.
    letter.innerHTML = reading.html;
    this.marks = [...letter.querySelectorAll('mark')];
    this.current = -1;
    this.state.open = id;
    list.hidden = true;
    controls.hidden = true;
    suggestion.hidden = true;
    reader.hidden = false;
    this.ui.prev.disabled = this.marks.length === 0;
    this.ui.next.disabled = this.marks.length === 0;
    this.updateMatchCount();
    this.tell('kamerzoek-open', { id, title: reading.title });
    if (reading.incomplete) this.ui.matchCount.textContent += this.t.notAllMarked;
    if (this.urlState) {
      writeUrl(this.state, push);
      // A letter opened here, or reached again by back/forward, has its own history entry.
      this.openedByPush = history.state?.kamerzoek === true;
    }
    readerTitle.focus({ preventScroll: true });
    // Scroll to the section the hit came from, else to the first match.
    const hit = this.hits.find((h) => h.id === id);
    const anchor = hit?.section && letter.querySelector(`#${CSS.escape(hit.section.anchor)}`);
    const firstInSection = anchor && this.marks.findIndex((m) => anchor.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (this.marks.length > 0) this.step(1, firstInSection > 0 ? firstInSection : 0);
    else (anchor ?? readerTitle).scrollIntoView({ block: 'start' });
  }

  // Moves to the next (+1) or previous (-1) match, or to match `to`.
  step(direction, to) {
    if (!this.marks?.length) return;
    this.marks[this.current]?.classList.remove('current');
    const count = this.marks.length;
    this.current = to ?? (this.current + direction + count) % count;
    const mark = this.marks[this.current];
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    this.updateMatchCount();
  }

  updateMatchCount() {
    const count = this.marks?.length ?? 0;
    this.ui.matchCount.textContent = count === 0
      ? this.t.noMatches
      : this.t.match(this.current + 1, count);
  }

  // Leaves the open letter for the results of what is being typed; the URL follows the search.
  leaveLetter() {
    this.state.open = null;
    this.ui.reader.hidden = true;
    this.ui.list.hidden = false;
    this.openedByPush = false;
  }

  closeLetter({ fromHistory = false } = {}) {
    if (!this.state.open) return;
    if (this.urlState && this.openedByPush && !fromHistory) {
      // The letter has its own history entry: going back closes it, as the browser's button does.
      history.back();
      return;
    }
    this.state.open = null;
    this.ui.reader.hidden = true;
    this.ui.list.hidden = false;
    this.openedByPush = false;
    if (this.urlState && !fromHistory) writeUrl(this.state);
    this.search();
    this.ui.input.focus();
  }

  // Takes the state from the URL: on load, and when the visitor goes back or forward.
  applyUrl() {
    const next = readUrl();
    const { input, sort } = this.ui;
    this.state.query = next.query;
    this.state.filters = next.filters;
    this.state.range = next.range;
    this.state.sort = next.sort;
    this.state.group = next.group;
    this.ui.groupToggle.checked = next.group === 'meeting';
    input.value = next.query;
    sort.value = next.sort;
    const searching = next.query !== '' || this.filtered;
    if (next.open) {
      this.openLetter(next.open, { push: false });
      if (searching) this.search();
    } else {
      if (this.state.open) this.closeLetter({ fromHistory: true });
      else if (searching) this.search();
    }
  }
}
