// DOM building for the widget: pure functions from engine results to elements. Text goes in as
// text; the only HTML set is the engine's, which escapes the letters and adds only <mark>, <p>
// and <h3> elements.

import { FIELDS, isOwn } from './url-state.js';
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

// A date of the index (a day, a month or a year) in the widget's language: `2025-01-31` ->
// `31 januari 2025` (`31 January 2025`), `2023-06` -> `juni 2023`, `2024`.
export function formatDate(date, t = DUTCH) {
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
  return [formatDate(item.date, t), item.minister].filter(Boolean).join(' · ');
}

// The site owner's own fields (`[[name, value], ...]`): `kamerstuk: 28676-441 · ...`.
export const fieldsLine = (fields) => (fields ?? []).map(([name, value]) => `${name}: ${value}`).join(' · ');

// A letter's original, as a link may go to it: http(s) or relative to the page, never a script.
export function sourceUrl(source) {
  if (!source) return null;
  try {
    const url = new URL(source, document.baseURI);
    return ['http:', 'https:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

// `pending`: the hit of a preview, its letter (and so its excerpt) still coming.
export function resultItem(hit, index, t = DUTCH, pending = false) {
  const excerpt = el('p', pending ? { class: 'excerpt pending', 'aria-hidden': 'true' } : { class: 'excerpt' });
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
  // h2: a hit's title heads its own part of the widget, as the open letter's title does; an h3
  // here would follow the page's h1 with no h2 between (axe: heading-order).
  el('h2', { class: 'title' }, hit.title),
  el('p', { class: 'meta' }, [metaLine(hit, t), hit.page && t.page(hit.page)].filter(Boolean).join(' · ')),
  hit.fields?.length ? el('p', { class: 'fields' }, fieldsLine(hit.fields)) : null,
  section,
  sameMeeting(hit.same_meeting, t, false),
  hit.grouped?.length ? el('p', { class: 'grouped' }, t.grouped(hit.grouped.length)) : null,
  excerpt,
  // A partial answer: which of the query's words this letter does not have.
  hit.missing?.length ? el('p', { class: 'missing' }, t.lacks(hit.missing.join(', '))) : null);
}

// Values a facet shows before a button shows the rest.
const FACET_SHOWN = 8;

// Toggle buttons per facet field (the known ones, then the site owner's, labelled by their names);
// `selected` is { field: [values] }; fields in `unfolded` show all their values, the others their
// most frequent and the chosen ones, and a button for more.
export function facetGroups(facets, selected, t = DUTCH, unfolded = new Set()) {
  const groups = [];
  const own = new Map(facets?.fields ?? []);
  for (const field of Object.keys(selected)) if (isOwn(field) && !own.has(field)) own.set(field, []);
  for (const field of [...FIELDS, ...own.keys()]) {
    const chosen = selected[field] ?? [];
    const label = isOwn(field) ? field : t.fields[field];
    // The timeline stands for the years: a year chip shows only when chosen (an older link).
    const values = (own.get(field) ?? facets?.[field] ?? []).filter(({ value }) => field !== 'year' || chosen.includes(value));
    // A chosen value stays visible even when the query no longer finds it.
    const shown = [...values];
    for (const value of chosen) {
      if (!shown.some((v) => v.value === value)) shown.push({ value, count: 0 });
    }
    if (shown.length === 0) continue;
    const hidden = unfolded.has(field) ? 0 : Math.max(0, values.length - FACET_SHOWN);
    const kept = hidden ? shown.filter((v, i) => i < FACET_SHOWN || chosen.includes(v.value)) : shown;
    const more = hidden
      ? el('button', { type: 'button', class: 'more link', 'data-more': field }, t.moreValues(shown.length - kept.length))
      : null;
    const buttons = kept.map(({ value, count }) => el('button', {
      type: 'button',
      class: 'facet',
      'data-field': field,
      'data-value': value,
      'aria-pressed': chosen.includes(value) ? 'true' : 'false',
      part: 'facet',
    }, field === 'kind' ? t.kinds[value] ?? value : value, ' ', el('span', { class: 'count' }, `(${count})`)));
    groups.push(el('div', { class: 'facet-group', role: 'group', 'aria-label': label },
      el('span', { class: 'facet-label', 'aria-hidden': 'true' }, label), ...buttons, ...(more ? [more] : [])));
  }
  return groups;
}

// A range as a visitor reads it: `2023`, `juni 2023 – februari 2024`, `vanaf 2023`.
export function rangeLabel({ from, to }, t = DUTCH) {
  if (from && to) return from === to ? formatDate(from, t) : `${formatDate(from, t)} – ${formatDate(to, t)}`;
  return from ? t.since(formatDate(from, t)) : t.until(formatDate(to, t));
}

// "Zelfde vergadering: geannoteerde agenda · verslag": the other letters of a letter's meeting,
// each opening that letter. In the reader they are buttons; in a hit, which is itself an option
// of the result list, they are spans the pointer clicks (an option holds no other control), and
// the keyboard reaches them in the reader.
export function sameMeeting(links, t = DUTCH, buttons = true) {
  if (!links?.length) return null;
  const items = links.flatMap((link, i) => {
    const kind = t.kinds[link.kind] ?? t.kinds.brief;
    const when = formatDate(link.date, t);
    const attrs = buttons
      ? { type: 'button', class: 'link other', 'data-open': link.id, 'aria-label': t.openOther(kind, when) }
      : { class: 'other', 'data-open': link.id, title: when };
    return [i ? ' · ' : '', el(buttons ? 'button' : 'span', attrs, kind.toLowerCase())];
  });
  return el('p', { class: 'same-meeting' }, `${t.sameMeeting} `, ...items);
}

// "Verwant": the letters most like this one, each a button with its title and date.
export function relatedList(links, t = DUTCH) {
  if (!links?.length) return null;
  return el('nav', { class: 'related', 'aria-labelledby': 'kz-related' },
    el('h3', { id: 'kz-related' }, t.related),
    el('ul', {}, ...links.map((link) => el('li', {},
      el('button', { type: 'button', class: 'link other', 'data-open': link.id }, link.title ?? link.id),
      link.date ? el('span', { class: 'date' }, ` · ${formatDate(link.date, t)}`) : null))));
}
