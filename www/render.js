// DOM building for the widget: pure functions from engine results to elements. Text goes in as
// text; the only HTML set is the engine's, which escapes the letters and adds only <mark>, <p>
// and <h3> elements.

import { FIELDS } from './url-state.js';
import { strings } from './strings.js';

const DUTCH = strings('nl');

// Dates and numbers as the widget's language writes them, by the browser's own calendar data;
// one set of formats per locale, made once.
const FORMATS = new Map();
function formats(t) {
  if (!FORMATS.has(t.locale)) {
    FORMATS.set(t.locale, {
      day: new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      ms: new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      count: new Intl.NumberFormat(t.locale),
    });
  }
  return FORMATS.get(t.locale);
}

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

// `2025-01-31` -> `31 januari 2025` (`31 January 2025`), `2023-06` -> `juni 2023`, `2024`.
export function dutchDate(date, t = DUTCH) {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  const when = new Date(Date.UTC(year, month - 1, day || 1));
  if (Number.isNaN(when.getTime())) return date;
  const f = formats(t);
  return (day ? f.day : f.month).format(when);
}

// `1.5` -> `1,5 ms` (`1.5 ms`).
export const milliseconds = (ms, t = DUTCH) => `${formats(t).ms.format(ms)} ms`;

// `20000` -> `20.000` (`20,000`).
export const count = (n, t = DUTCH) => formats(t).count.format(n);

// The line under a title (which names the kind): date and minister.
export function metaLine(item, t = DUTCH) {
  return [dutchDate(item.date, t), item.minister].filter(Boolean).join(' · ');
}

export function resultItem(hit, index, t = DUTCH) {
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
  el('p', { class: 'meta' }, metaLine(hit, t)),
  section,
  excerpt,
  // A partial answer: which of the query's words this letter does not have.
  hit.missing?.length ? el('p', { class: 'missing' }, t.lacks(hit.missing.join(', '))) : null);
}

// Toggle buttons per facet field; `selected` is { field: [values] }.
export function facetGroups(facets, selected, t = DUTCH) {
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
    }, field === 'kind' ? t.kinds[value] ?? value : value, ' ', el('span', { class: 'count' }, `(${count})`)));
    groups.push(el('div', { class: 'facet-group', role: 'group', 'aria-label': t.fields[field] },
      el('span', { class: 'facet-label', 'aria-hidden': 'true' }, t.fields[field]), ...buttons));
  }
  return groups;
}
