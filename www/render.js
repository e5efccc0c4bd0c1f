// DOM building for the widget: pure functions from engine results to elements. Text goes in as
// text; the only HTML set is the engine's, which escapes the letters and adds only <mark>, <p>
// and <h3> elements.

import { FIELDS } from './url-state.js';

// Dates as Dutch readers write them, by the browser's own calendar data.
const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const MILLISECONDS = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('nl-NL');

export const KIND_LABELS = {
  agenda: 'Geannoteerde agenda', verslag: 'Verslag', beslisnota: 'Beslisnota',
  overleg: 'Commissiedebat', 'schriftelijk-overleg': 'Schriftelijk overleg', brief: 'Brief',
};
export const FIELD_LABELS = { kind: 'Soort', year: 'Jaar', minister: 'Minister' };

// An element with attributes and children (strings become text).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c != null && c !== false));
  return node;
}

// `2025-01-31` -> `31 januari 2025`, `2023-06` -> `juni 2023`, `2024` -> `2024`.
export function dutchDate(date) {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  const when = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(when.getTime())) return date;
  return (day ? DAY : MONTH).format(when);
}

// `1.5` -> `1,5 ms`.
export const milliseconds = (ms) => `${MILLISECONDS.format(ms)} ms`;

// `20000` -> `20.000`.
export const count = (n) => COUNT.format(n);

// The line under a title (which names the kind): date and minister.
export function metaLine(item) {
  return [dutchDate(item.date), item.minister].filter(Boolean).join(' · ');
}

export function resultItem(hit, index) {
  const excerpt = el('p', { class: 'excerpt' });
  excerpt.innerHTML = hit.excerpt;
  const section = hit.section
    ? el('p', { class: 'section' }, el('span', { class: 'section-mark', 'aria-hidden': 'true' }, '§ '), hit.section.heading)
    : null;
  return el('li', {
    role: 'option',
    id: `kz-hit-${index}`,
    class: 'hit',
    'data-id': hit.id,
    'aria-selected': 'false',
    part: 'result',
  },
  el('h3', { class: 'title' }, hit.title),
  el('p', { class: 'meta' }, metaLine(hit)),
  section,
  excerpt,
  // A partial answer: which of the query's words this letter does not have.
  hit.missing?.length ? el('p', { class: 'missing' }, `ontbreekt: ${hit.missing.join(', ')}`) : null);
}

// Toggle buttons per facet field; `selected` is { field: [values] }.
export function facetGroups(facets, selected) {
  const groups = [];
  for (const field of FIELDS) {
    const values = facets?.[field] ?? [];
    const chosen = selected[field] ?? [];
    // A chosen value stays visible even when the query no longer finds it.
    const shown = [...values];
    for (const value of chosen) {
      if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 });
    }
    if (shown.length === 0) continue;
    const buttons = shown.map(({ value, count }) => el('button', {
      type: 'button',
      class: 'facet',
      'data-field': field,
      'data-value': value,
      'aria-pressed': chosen.includes(value) ? 'true' : 'false',
      part: 'facet',
    }, field === 'kind' ? KIND_LABELS[value] ?? value : value, ' ', el('span', { class: 'count' }, `(${count})`)));
    groups.push(el('div', { class: 'facet-group', role: 'group', 'aria-label': FIELD_LABELS[field] },
      el('span', { class: 'facet-label', 'aria-hidden': 'true' }, FIELD_LABELS[field]), ...buttons));
  }
  return groups;
}
