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
// The element holds the state, the queries and the URL; its parts have modules of their own:
// template.js, results.js, controls.js (with timeline.js), reader.js (ARCHITECTURE.md, www/).

import { Controls } from './widget/controls.js';
import { load } from './engine.js';
import { Reader } from './widget/reader.js';
import { count } from './widget/render.js';
import { Results, alsoSearched, summary } from './widget/results.js';
import { explain, strings } from './widget/strings.js';
import { template } from './widget/template.js';
import { Timeline } from './widget/timeline.js';
import { isOwn, noFilters, noRange, readUrl, writeUrl } from './widget/url-state.js';

const DEBOUNCE_MS = 80;

// Whether `now` is `before` typed on (or back): one extends the other.
const typingOn = (before, now) => before !== '' && now !== '' && (now.startsWith(before) || before.startsWith(now));

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

export class KamerZoek extends HTMLElement {
  static observedAttributes = ['placeholder'];

  // Every field is here, made with the element; none is added later. The shadow DOM and the parts
  // that work on it are made when the element is first connected (see #build).
  #t = null; // what the widget says, in its language
  #ui = null; // the shadow DOM's elements that the element itself works on
  #results = null;
  #controls = null;
  #reader = null;
  // The one truth about what is shown: the reader is open exactly when `#state.open` is an id.
  // One object for the element's life, shared with the controls, which set what they choose.
  #state = { query: '', filters: noFilters(), range: noRange(), sort: 'relevance', group: '', open: null };
  #engine = null; // the load promise, made on first use so visitors who never search pay nothing
  #sequence = 0; // the number of the last query asked: only its answer is shown
  #timer = 0;
  #scheduled = false; // a query waits for typing to pause (the list stays busy)
  // The query under way and one it superseded that runs on unseen (see #search), each
  // { query, controller }: the words it was asked for, and what aborts its fetches.
  #pending = null;
  #background = null;
  #resume = false; // taken off the page with a query under way: ask it again when put back
  #openedByPush = false; // the open letter has a history entry of its own
  #badRange = null; // a period the URL gave that is no date, said with the next results
  #badField = null; // an owner's field the URL gave that this index does not have, likewise
  #onKeydown = (event) => this.#onGlobalKey(event);
  #onPopState = () => this.#applyUrl();

  // The shadow DOM, once, when the element is first connected: its attributes are there by then
  // also when a script made it (`createElement`, then `setAttribute('lang', 'en')`), which a
  // constructor may not read. The language is read here, once: `lang="en"` for English.
  #build() {
    if (this.#ui) return;
    const t = strings(this.getAttribute('lang'));
    this.#t = t;
    this.attachShadow({ mode: 'open' }).innerHTML = template(t);
    // After the module that imported the widget has run: a bundled page's configure() comes after
    // the element is defined (and upgraded), and the stylesheet is fetched once, from its place.
    const link = this.shadowRoot.querySelector('link[rel=stylesheet]');
    queueMicrotask(() => link.setAttribute('href', stylesheet));
    const $ = (selector) => this.shadowRoot.querySelector(selector);
    this.#ui = {
      container: $('.kz'), input: $('input'), controls: $('.controls'), status: $('.status'), expanded: $('.expanded'),
      suggestion: $('.suggestion'), suggestionButton: $('.suggestion button'), list: $('.results'),
    };
    this.#results = new Results(this.#ui.list, this.#ui.input, t, { open: (id) => this.#openLetter(id) });
    // Made here, not by the controls that hold it: a module the widget imports is fetched with
    // the widget's other modules, not a round trip after them.
    const timeline = new Timeline($('.timeline-box'), t, {
      range: () => this.#state.range,
      choose: (range, later) => {
        this.#state.range = range;
        if (later) this.#schedule();
        else this.#search();
      },
    });
    this.#controls = new Controls(this.shadowRoot, t, this.#state, timeline, {
      search: () => this.#search(),
      // Facets and sort show with results, and with facets to choose from; never with a letter open.
      hide: (empty) => this.#state.open != null || (this.#blank && !this.#filtered && empty),
    });
    this.#reader = new Reader(this.shadowRoot, t, { open: (id) => this.#openLetter(id), close: () => this.#closeLetter() });
    this.#bindEvents();
  }

  get #urlState() {
    return this.getAttribute('url-state') !== 'off';
  }

  // `browse`: before anything is typed, the newest letters and the whole archive's timeline.
  // Without it the index loads only when the visitor searches, and a blank box lists nothing.
  get #browse() {
    return this.hasAttribute('browse');
  }

  connectedCallback() {
    connected.add(this);
    // Moved on the page (taken off and put back), it keeps what the visitor typed: the URL is
    // read the first time only.
    const first = !this.#ui;
    this.#build();
    this.#ui.input.placeholder = this.getAttribute('placeholder') ?? this.#t.placeholder;
    window.addEventListener('keydown', this.#onKeydown);
    if (this.#urlState) {
      window.addEventListener('popstate', this.#onPopState);
      if (first) this.#applyUrl();
    }
    // Put back on a page while a query was under way: it is asked again.
    if (this.#resume) {
      this.#resume = false;
      this.#schedule();
    }
  }

  // A widget taken off the page stops working: the query waiting for a pause in typing, the one
  // under way and their fetches end, and an answer still coming is not shown (nor told).
  disconnectedCallback() {
    connected.delete(this);
    window.removeEventListener('keydown', this.#onKeydown);
    window.removeEventListener('popstate', this.#onPopState);
    this.#resume = this.#scheduled || this.#ui?.list.getAttribute('aria-busy') === 'true';
    clearTimeout(this.#timer);
    this.#scheduled = false;
    this.#sequence += 1;
    this.#pending?.controller.abort();
    this.#background?.controller.abort();
    this.#pending = null;
    this.#background = null;
  }

  attributeChangedCallback(name, _old, value) {
    if (name === 'placeholder' && this.#ui) this.#ui.input.placeholder = value ?? '';
  }

  #bindEvents() {
    const { input, suggestionButton } = this.#ui;
    input.addEventListener('focus', () => this.#ensureEngine(), { once: true });
    // A finger on the box shows intent before the box has focus (which comes when it lifts).
    input.addEventListener('pointerdown', () => this.#ensureEngine(), { once: true });
    input.addEventListener('input', () => {
      this.#state.query = input.value;
      // Typing while a letter is open is a new search: what was typed last wins.
      if (this.#state.open) this.#leaveLetter();
      this.#schedule();
    });
    input.addEventListener('keydown', (event) => this.#onInputKey(event));
    suggestionButton.addEventListener('click', () => {
      input.value = suggestionButton.textContent;
      this.#state.query = input.value;
      this.#search();
      input.focus();
    });
  }

  #ensureEngine() {
    if (!this.#engine) {
      const { container } = this.#ui;
      this.#setStatus(this.#t.loading);
      container.classList.add('loading');
      // Without the attribute, load() takes the index beside the scripts, where `kamerzoek build`
      // puts it, wherever the page is.
      this.#engine = load(this.getAttribute('index') ?? undefined);
      this.#engine.then(
        (idx) => {
          // The visitor is about to type: what any first query may want, now.
          idx.prefetch();
          container.classList.remove('loading');
          if (this.#state.query.trim() === '' && !this.#state.open) this.#setStatus(this.#t.searchIn(count(idx.docCount, this.#t)));
        },
        (err) => {
          // Forget the failure, so the next keystroke tries again.
          this.#engine = null;
          container.classList.remove('loading');
          this.#setStatus(explain(this.#t, err, 'loading the index'), true);
        },
      );
    }
    return this.#engine;
  }

  #setStatus(text, error = false) {
    const { status } = this.#ui;
    if (error) status.setAttribute('aria-busy', 'false'); // after a preview, too
    status.textContent = text;
    status.classList.toggle('error', error);
    status.setAttribute('role', error ? 'alert' : 'status');
  }

  // Marks the list busy at once, and searches when typing pauses.
  #schedule() {
    this.#ui.list.setAttribute('aria-busy', 'true');
    clearTimeout(this.#timer);
    this.#scheduled = true;
    this.#timer = setTimeout(() => this.#search(), DEBOUNCE_MS);
  }

  // The list is idle only when no query runs and none waits for typing to pause: a query that
  // ends while the next one is scheduled leaves it busy.
  idle() {
    if (!this.#scheduled) this.#ui.list.setAttribute('aria-busy', 'false');
  }

  async #search() {
    clearTimeout(this.#timer);
    this.#scheduled = false;
    const number = ++this.#sequence;
    // A query superseded while the visitor goes on typing the same words runs on unseen: the
    // letters it fetches are mostly the next one's, which then finds them here. Only the latest
    // such query runs on; an older one, or one for other words, is cancelled with its fetches
    // (those another query shares stay).
    this.#background?.controller.abort();
    this.#background = null;
    if (this.#pending && typingOn(this.#pending.query, this.#state.query)) this.#background = this.#pending;
    else this.#pending?.controller.abort();
    const pending = { query: this.#state.query, controller: new AbortController() };
    this.#pending = pending;
    this.#ui.list.setAttribute('aria-busy', 'true');
    const idx = await this.#ensureEngine().catch(() => null); // the failure is said where it loads
    if (!idx && number === this.#sequence) this.idle();
    if (number !== this.#sequence || !idx) return;
    const { query, filters, range, sort, group } = this.#state;
    const started = performance.now();
    const asked = Number.parseInt(this.getAttribute('limit'), 10) || 10;
    // A blank box lists the archive only when browsing; its facets are counted either way.
    const limit = this.#blank && !this.#filtered && !this.#browse ? 0 : asked;
    const options = { limit, filters, ...range, sort, group, signal: pending.controller.signal };
    try {
      // The hits first: the facets need the letter table, which a large index keeps apart, so
      // they come with the hits once it is here, and from a second query until then.
      // In a small archive, once the letter table is here (it comes with the first facets),
      // the hits show with titles and dates while their letters come; the excerpts follow.
      const preview = (early) => {
        if (number !== this.#sequence) return;
        this.#render(early, performance.now() - started, idx.docCount, true);
        this.#tell('kamerzoek-preview', { query, total: early.total, ids: early.hits.map((h) => h.id) });
      };
      // `typing`: this widget's box, whose keystrokes' queries give way to each other's.
      const results = await idx.search(query, { ...options, facets: 'if-loaded', typing: this, preview });
      if (number !== this.#sequence) return;
      this.#render(results, performance.now() - started, idx.docCount);
      this.#tell('kamerzoek-search', {
        query, total: results.total, partial: results.partial, ids: results.hits.map((h) => h.id),
      });
      const { facets } = results.facets ? results : await idx.search(query, options);
      if (number !== this.#sequence) return;
      this.#controls.draw(facets);
    } catch (err) {
      if (number !== this.#sequence) return;
      // A field of the owner's this index does not have (a link from another index, or an older
      // one): the engine names it; search without it, and say so.
      const unknown = err?.kind !== 'option' ? undefined : Object.keys(this.#state.filters)
        .find((field) => isOwn(field) && err.message.includes(`filter field "${field}"`));
      if (unknown !== undefined) {
        this.#badField = unknown;
        console.warn('kamerzoek: the filter left out:', err);
        delete this.#state.filters[unknown];
        this.#search();
        return;
      }
      if (err?.kind === 'option' && (this.#state.range.from || this.#state.range.to)) {
        // A bad date (a hand-edited link): search without the period, and say so.
        this.#badRange = [this.#state.range.from, this.#state.range.to].filter(Boolean).join(' – ');
        console.warn('kamerzoek: the period left out:', err);
        this.#state.range = noRange();
        this.#search();
        return;
      }
      // Never the previous query's results under this query's error.
      this.#results.clear();
      this.#ui.expanded.hidden = true;
      this.#ui.suggestion.hidden = true;
      this.#setStatus(explain(this.#t, err, `searching for "${query}"`), true);
    }
    this.idle();
    if (this.#urlState && !this.#state.open) writeUrl(this.#state);
  }

  get #blank() {
    return this.#state.query.trim() === '';
  }

  get #filtered() {
    return Object.values(this.#state.filters).some((v) => v.length > 0) || Boolean(this.#state.range.from || this.#state.range.to);
  }

  /** Tells the host page what happened: an event that bubbles out of the shadow root. */
  #tell(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // `early`: a preview, the hits whose letters are still coming without excerpts.
  #render(results, ms, docCount, early = false) {
    const { suggestion, suggestionButton, expanded, status } = this.#ui;
    this.#controls.showChoices();
    this.#controls.update();
    suggestion.hidden = !results.suggestion;
    suggestionButton.textContent = results.suggestion ?? '';
    // What else was searched: a country for its adjective, a correction for a typo.
    const also = alsoSearched(results.expanded, this.#t);
    expanded.hidden = also === '';
    expanded.textContent = also;
    // A preview's count is said once, with the answer: the live region waits while busy.
    status.setAttribute('aria-busy', early ? 'true' : 'false');
    this.#results.show(results, this.#state.sort, early);
    const said = { blank: this.#blank, filtered: this.#filtered, badRange: this.#badRange, badField: this.#badField };
    // Said until the answer itself is shown, not only its preview.
    if (!early) [this.#badRange, this.#badField] = [null, null];
    this.#setStatus(summary(results, ms, docCount, said, this.#t));
  }

  #onInputKey(event) {
    if (this.#results.key(event) || event.key !== 'Escape') return;
    // Escape with no hit chosen clears the box.
    event.preventDefault();
    this.#ui.input.value = '';
    this.#state.query = '';
    this.#search();
  }

  // '/' anywhere on the page focuses the box, unless the visitor is typing somewhere.
  #onGlobalKey(event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.composedPath()[0];
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (typing) return;
    event.preventDefault();
    if (this.#state.open) this.#closeLetter();
    this.#ui.input.focus();
  }

  async #openLetter(id, { push = true } = {}) {
    const idx = await this.#ensureEngine().catch(() => null); // the failure is said where it loads
    if (!idx) return;
    let reading;
    try {
      reading = await idx.read(id, this.#state.query);
    } catch (err) {
      this.#setStatus(`${this.#t.cannotOpen} ${explain(this.#t, err, `opening ${id}`)}`, true);
      return;
    }
    if (!reading) {
      this.#setStatus(this.#t.notInIndex(id), true);
      return;
    }
    const { list, controls, suggestion } = this.#ui;
    this.#reader.show(reading);
    this.#state.open = id;
    list.hidden = true;
    controls.hidden = true;
    suggestion.hidden = true;
    this.#tell('kamerzoek-open', { id, title: reading.title });
    if (this.#urlState) {
      writeUrl(this.#state, push);
      // A letter opened here, or reached again by back/forward, has its own history entry.
      this.#openedByPush = history.state?.kamerzoek === true;
    }
    // The section the hit came from, else the first match.
    this.#reader.focus(this.#results.hit(id)?.section);
  }

  // Leaves the open letter for the results of what is being typed; the URL follows the search.
  #leaveLetter() {
    this.#state.open = null;
    this.#reader.hide();
    this.#ui.list.hidden = false;
    this.#openedByPush = false;
  }

  #closeLetter({ fromHistory = false } = {}) {
    if (!this.#state.open) return;
    if (this.#urlState && this.#openedByPush && !fromHistory) {
      // The letter has its own history entry: going back closes it, as the browser's button does.
      history.back();
      return;
    }
    this.#leaveLetter();
    if (this.#urlState && !fromHistory) writeUrl(this.#state);
    this.#search();
    this.#ui.input.focus();
  }

  // Takes the state from the URL: on load, and when the visitor goes back or forward.
  #applyUrl() {
    const { open, ...chosen } = readUrl(); // query, filters, range, sort, group
    Object.assign(this.#state, chosen);
    this.#controls.showChoices();
    this.#ui.input.value = chosen.query;
    const searching = chosen.query !== '' || this.#filtered || this.#browse;
    if (open) {
      this.#openLetter(open, { push: false });
      if (searching) this.#search();
    } else {
      if (this.#state.open) this.#closeLetter({ fromHistory: true });
      else if (searching) this.#search();
    }
  }
}
