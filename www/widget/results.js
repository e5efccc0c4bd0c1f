// The widget's result list: the hits as the options of a listbox whose combobox is the search
// box, in rank order or, sorted by date, under a heading per year; the one chosen with the arrow
// keys; and the status line that counts them.

import { count, el, milliseconds, resultItem } from './render.js';

// The hits of a date-sorted list under a heading per year: `[year, hits]` in the list's order.
export function byYear(hits) {
  const groups = [];
  for (const hit of hits) {
    const year = hit.date?.slice(0, 4) ?? '';
    if (groups.at(-1)?.[0] !== year) groups.push([year, []]);
    groups.at(-1)[1].push(hit);
  }
  return groups;
}

// What else was searched: a country for its adjective, a correction for a typo. One group per
// word typed: "euro, miljoen (hoeveel)". Empty when nothing else was.
export function alsoSearched(expanded, t) {
  const by = new Map();
  for (const { from, to } of expanded ?? []) by.set(from, [...(by.get(from) ?? []), to]);
  const also = [...by].map(([from, tos]) => `${tos.join(', ')} (${from})`);
  return also.length ? t.alsoSearched(also.join(', ')) : '';
}

// The status line of an answer that took `ms`: how many letters, and what the visitor should
// know about it. `blank`: no words typed; `filtered`: a filter or period holds; `badRange`: the
// period left out of the query because it is no date, as the visitor gave it; `badField`: an
// owner's field left out because the index has none of that name.
export function summary(results, ms, docCount, { blank, filtered, badRange, badField }, t) {
  if (blank && !filtered) return t.searchIn(count(docCount, t));
  const n = results.total;
  const time = milliseconds(ms, t);
  const note = (results.incomplete ? ` ${t.incomplete}` : '') + (results.cut ? ` ${t.cut}` : '') + (badRange ? ` ${t.badRange(badRange)}` : '')
    + (badField ? ` ${t.badField(badField)}` : '');
  if (n === 0) return (blank ? t.noneFiltered : t.none(results.query.trim())) + note;
  if (results.partial) return t.partial(count(n, t), n !== 1, time) + note;
  return t.found(count(n, t), n !== 1, time) + note;
}

export class Results {
  #list;
  #input;
  #t;
  #open;
  #hits = [];
  #active = -1; // the option chosen with the arrow keys, -1 for none
  #previewed = false; // the hits shown are a preview (excerpts still coming)

  // `list` is the listbox, `input` the search box that controls it; `open(id)` opens a letter.
  constructor(list, input, t, { open }) {
    this.#list = list;
    this.#input = input;
    this.#t = t;
    this.#open = open;
    list.addEventListener('click', (event) => {
      // A letter of the same meeting, named in a hit, or the hit's own.
      const item = event.target.closest('[data-open]') ?? event.target.closest('[data-id]');
      if (item) open(item.dataset.open ?? item.dataset.id);
    });
  }

  // The hit shown for letter `id`, if any.
  hit(id) {
    return this.#hits.find((h) => h.id === id);
  }

  // Shows the hits of `results`, in the order `sort` gives them; `early`: a preview, the hits
  // whose letters are still coming without excerpts.
  show(results, sort, early) {
    const t = this.#t;
    // The answer after its preview, the same hits: the row chosen with the arrow keys stays chosen.
    const same = this.#previewed && this.#hits.length === results.hits.length
      && this.#hits.every((h, i) => h.id === results.hits[i].id);
    const chosen = same ? this.#active : -1;
    this.#previewed = early;
    this.#hits = results.hits;
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const items = results.hits.map((hit, i) => resultItem(hit, i, t, early && !hit.excerpt));
    if (sort === 'relevance') this.#list.replaceChildren(...items);
    else {
      // Sorted by date, the list reads as a chronology: a heading per year.
      let i = 0;
      this.#list.replaceChildren(...byYear(results.hits).map(([year, hits], g) => el('li', {
        role: 'group', class: 'year-group', 'aria-labelledby': `kz-year-${g}`,
      },
      el('div', { class: 'year-heading', id: `kz-year-${g}` }, year || t.noDate),
      el('ul', { role: 'none' }, ...hits.map(() => items[i++])))));
    }
    this.#input.setAttribute('aria-expanded', results.hits.length > 0 ? 'true' : 'false');
    if (chosen >= 0) this.choose(chosen);
  }

  // No hits: an answer that failed shows none of the query before.
  clear() {
    this.#hits = [];
    this.#active = -1;
    this.#list.replaceChildren();
    this.#input.removeAttribute('aria-activedescendant');
    this.#input.setAttribute('aria-expanded', 'false');
  }

  // Chooses option `index` (-1: none), as the search box's active descendant, in view.
  choose(index) {
    const items = this.#list.querySelectorAll('[role=option]');
    items.forEach((item, i) => {
      item.setAttribute('aria-selected', i === index ? 'true' : 'false');
      item.classList.toggle('active', i === index);
    });
    this.#active = index;
    if (index >= 0) {
      this.#input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  // The search box's keys for the list: ↑ and ↓ choose a hit, Enter opens the chosen one (or
  // the first), Escape unchooses. False for a key that is not the list's.
  key(event) {
    const shown = this.#hits.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (shown === 0) return true;
      event.preventDefault();
      this.choose(event.key === 'ArrowDown' ? (this.#active + 1) % shown : (this.#active - 1 + shown) % shown);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (shown > 0) this.#open(this.#hits[Math.max(this.#active, 0)].id);
    } else if (event.key === 'Escape' && this.#active >= 0) {
      event.preventDefault();
      this.choose(-1);
    } else {
      return false;
    }
    return true;
  }
}
