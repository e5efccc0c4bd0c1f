// The widget's controls over its results, above them: the timeline (timeline.js, drawn with the
// facets), the facets (kind, minister) as toggles with counts, the chosen period as a chip
// that removes it, the button that shows the facets on a narrow widget, `Per vergadering` and the
// sort. Each choice is written into the widget's state and asks for a search.

import { el, facetGroups, rangeLabel } from './render.js';
import { noRange } from './url-state.js';

export class Controls {
  #ui;
  #t;
  #state;
  #search;
  #hide;
  #timeline;
  #facets = null; // the last facets drawn
  #unfolded = new Set(); // facet fields whose every value the visitor asked to see

  // `root` holds the controls (the widget's shadow root); `state` is the widget's, whose filters,
  // range, group and sort they set; `timeline` is the Timeline (timeline.js) in their box;
  // `search()` asks for a search; `hide(empty)` says whether they hide now (`empty`: no facets
  // and no timeline).
  constructor(root, t, state, timeline, { search, hide }) {
    const $ = (selector) => root.querySelector(selector);
    this.#ui = {
      box: $('input[type=search]'), controls: $('.controls'), facets: $('.facets'), chips: $('.chips'),
      filtersToggle: $('.filters-toggle'), groupToggle: $('.group-toggle'), sort: $('.controls select'),
    };
    this.#t = t;
    this.#state = state;
    this.#search = search;
    this.#hide = hide;
    this.#timeline = timeline;
    this.#bind();
  }

  #bind() {
    const { box, facets, chips, filtersToggle, groupToggle, sort } = this.#ui;
    const state = this.#state;
    facets.addEventListener('click', (event) => {
      const more = event.target.closest('button[data-more]');
      if (more) {
        this.#unfolded.add(more.dataset.more);
        this.draw(this.#facets);
        facets.querySelector(`[data-field="${CSS.escape(more.dataset.more)}"]`)?.focus();
        return;
      }
      const button = event.target.closest('button.facet');
      if (!button) return;
      const { field, value } = button.dataset;
      const chosen = state.filters[field] ?? [];
      state.filters[field] = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
      this.#search();
    });
    chips.addEventListener('click', (event) => {
      if (!event.target.closest('.range-chip')) return;
      state.range = noRange();
      this.#search();
      box.focus();
    });
    filtersToggle.addEventListener('click', () => {
      const open = !facets.classList.contains('open');
      facets.classList.toggle('open', open);
      filtersToggle.setAttribute('aria-expanded', String(open));
    });
    groupToggle.addEventListener('change', () => {
      state.group = groupToggle.checked ? 'meeting' : '';
      this.#search();
    });
    sort.addEventListener('change', () => {
      state.sort = sort.value;
      this.#search();
    });
  }

  // Draws the facets and the timeline of an answer.
  draw(facets) {
    this.#facets = facets;
    this.#ui.facets.replaceChildren(...facetGroups(facets, this.#state.filters, this.#t, this.#unfolded));
    this.#timeline.draw(facets?.timeline, this.#state.range);
    this.update();
  }

  // Shows or hides the controls, and says the chosen range as a chip and how many filters hold
  // on the button that shows them.
  update() {
    const { controls, facets, chips, filtersToggle } = this.#ui;
    const { range, filters } = this.#state;
    const t = this.#t;
    controls.hidden = this.#hide(facets.childElementCount === 0 && this.#timeline.empty);
    const label = range.from || range.to ? rangeLabel(range, t) : '';
    chips.replaceChildren(...(label
      ? [el('button', { type: 'button', class: 'range-chip', 'aria-label': t.removeRange(label) },
        label, el('span', { 'aria-hidden': 'true' }, ' ×'))]
      : []));
    const active = Object.values(filters).reduce((n, values) => n + values.length, 0);
    filtersToggle.textContent = active ? `${t.filters} (${active})` : t.filters;
  }

  // The sort and `Per vergadering` as the state has them (from the URL).
  showChoices() {
    this.#ui.sort.value = this.#state.sort;
    this.#ui.groupToggle.checked = this.#state.group === 'meeting';
  }
}
