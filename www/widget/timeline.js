// The widget's timeline: the hits per year (or per month, within two years) as a bar chart of
// buttons, and how a visitor picks a period on it. A bar filters to its year or month, again
// removes the range; shift-click, dragging over bars, or Shift with the arrow keys takes several.
// The arrow keys, Home and End move between the bars.

import { count, el } from './render.js';
import { noRange } from './url-state.js';

// A timeline period's bounds as sortable keys, as the engine compares dates (src/search/range.rs):
// `2024` is 2024-00-00..2024-99-99, `2024-03` is 2024-03-00..2024-03-99.
const widen = (date, fill) => [...date.split('-'), fill, fill].slice(0, 3).join('-');

// Whether the period `value` overlaps the range `{from, to}` (either may be empty).
export function inRange(value, { from, to }) {
  if (!from && !to) return false;
  return (!from || widen(value, '99') >= widen(from, '00')) && (!to || widen(value, '00') <= widen(to, '99'));
}

// The engine's timeline with the periods between that have no hits: `2019`..`2024`, or
// `2023-11`..`2024-03` (a year among months, for letters dated only by their year, sorts before
// its January).
export function periods(timeline = []) {
  if (timeline.length === 0) return [];
  const counts = new Map(timeline.map(({ value, count: n }) => [value, n]));
  const months = timeline.filter(({ value }) => value.length === 7).map(({ value }) => value);
  const all = timeline.filter(({ value }) => value.length === 4 || months.length === 0).map(({ value }) => value);
  // Gaps are filled up to a few centuries of years (a damaged date must not make a million bars).
  if (months.length === 0) {
    const [first, last] = [Number(all[0]), Number(all.at(-1))];
    for (let y = first + 1; y < last && last - first < 400; y += 1) all.push(String(y));
  } else {
    let [y, m] = months[0].split('-').map(Number);
    const [lastY, lastM] = months.at(-1).split('-').map(Number);
    for (; y * 12 + m <= lastY * 12 + lastM; m = (m % 12) + 1, y += m === 1 ? 1 : 0) {
      all.push(`${y}-${String(m).padStart(2, '0')}`);
    }
  }
  return [...new Set(all)].sort().map((value) => ({ value, count: counts.get(value) ?? 0 }));
}

// `2024` -> `2024`; `2024-03` -> `mrt` or, where a year begins, `mrt 2024` (for under a bar).
function periodShort(value, t, withYear) {
  if (value.length === 4) return value;
  const [y, m] = value.split('-').map(Number);
  const options = { month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' };
  return new Intl.DateTimeFormat(t.locale, options).format(new Date(Date.UTC(y, m - 1, 1)));
}

// The hits per period as a bar chart of buttons (one per period, in time order; a period's count
// is its button's name for screen readers). One button is in the tab order; the arrow keys move
// between them (see Timeline). Null when no hit has a date.
export function timelineChart(timeline, range, t) {
  const all = periods(timeline);
  if (all.length === 0) return null;
  const byMonth = all.some(({ value }) => value.length === 7);
  const most = Math.max(1, ...all.map(({ count: n }) => n));
  // Under a bar its year or month; with many bars, every so many, and each January's year.
  const every = all.length > 12 ? Math.ceil(all.length / 8) : 1;
  const selected = all.findIndex(({ value }) => inRange(value, range));
  const focusable = selected >= 0 ? selected : all.length - 1;
  const bars = all.map(({ value, count: n }, i) => {
    // The name holds the text shown under the bar (`mrt`, `mrt 2024`), so that a visitor who
    // speaks what they see can name the button (WCAG 2.5.3, axe: label-content-name-mismatch).
    const label = byMonth && value.length === 7 ? periodShort(value, t, true) : value;
    const shown = i % every === 0 || (byMonth && value.endsWith('-01'));
    const bar = el('button', {
      type: 'button',
      class: 'tick',
      'data-period': value,
      'aria-pressed': inRange(value, range) ? 'true' : 'false',
      'aria-label': t.periodCount(label, count(n, t), n),
      tabindex: i === focusable ? '0' : '-1',
      part: 'timeline-bar',
    },
    el('span', { class: 'bar', 'aria-hidden': 'true' }),
    el('span', { class: 'tick-label', 'aria-hidden': 'true' }, shown ? periodShort(value, t, i === 0 || value.endsWith('-01')) : ''));
    // Through the CSSOM, not a style attribute, which a strict Content-Security-Policy blocks.
    bar.style.setProperty('--share', (n / most).toFixed(3));
    return bar;
  });
  return el('div', { class: 'timeline', role: 'group', 'aria-label': byMonth ? t.perMonth : t.perYear, part: 'timeline' },
    el('div', { class: 'ticks' }, ...bars));
}

// `[a, b]` in order, as a range.
const span = (a, b) => (a <= b ? { from: a, to: b } : { from: b, to: a });

// The range `chosen` ([from, to]) widened to take `period` in.
const extend = (chosen, period) => ({
  from: period < chosen[0] ? period : chosen[0],
  to: period > chosen[1] ? period : chosen[1],
});

// The timeline in its box: draws it, and tells `choose(range, later)` the range a visitor picks
// (`later`: while the arrow keys still move, so the search waits for a pause, as typing does).
export class Timeline {
  #box;
  #t;
  #range;
  #choose;
  #drag = null; // a press on a bar: { anchor, over }, the periods where it began and is now
  #dragged = false; // the pointer moved to another bar while pressed: not a click

  // `range()` is the range chosen now ({from, to}).
  constructor(box, t, { range, choose }) {
    this.#box = box;
    this.#t = t;
    this.#range = range;
    this.#choose = choose;
    box.addEventListener('click', (event) => this.#click(event));
    box.addEventListener('pointerdown', (event) => {
      const tick = event.target.closest('.tick');
      this.#dragged = false;
      this.#drag = tick && event.button === 0 ? { anchor: tick.dataset.period, over: tick.dataset.period } : null;
    });
    box.addEventListener('pointermove', (event) => this.#move(event));
    box.addEventListener('pointerup', () => this.#drop());
    box.addEventListener('pointercancel', () => { this.#drag = null; this.#dragged = false; });
    box.addEventListener('keydown', (event) => this.#key(event));
  }

  get empty() {
    return this.#box.childElementCount === 0;
  }

  // Draws the timeline anew (nothing when `timeline` has no dates); the bar that had the focus
  // keeps it.
  draw(timeline, range) {
    const focused = this.#box.getRootNode().activeElement?.dataset?.period;
    const chart = timelineChart(timeline, range, this.#t);
    this.#box.replaceChildren(...(chart ? [chart] : []));
    if (focused) this.#box.querySelector(`[data-period="${CSS.escape(focused)}"]`)?.focus();
  }

  // The chosen range as [from, to], or null when it is open at either end.
  #current() {
    const { from, to } = this.#range();
    return from && to ? [from, to] : null;
  }

  #click(event) {
    const tick = event.target.closest('.tick');
    if (!tick || this.#dragged) return;
    const period = tick.dataset.period;
    const chosen = this.#current();
    if (event.shiftKey && chosen) this.#choose(extend(chosen, period));
    else if (chosen && chosen[0] === period && chosen[1] === period) this.#choose(noRange());
    else this.#choose({ from: period, to: period });
  }

  #move(event) {
    if (!this.#drag) return;
    const over = this.#box.getRootNode().elementFromPoint(event.clientX, event.clientY)?.closest?.('.tick')?.dataset.period;
    if (!over || over === this.#drag.over) return;
    this.#drag.over = over;
    this.#dragged = true;
    const { from, to } = span(this.#drag.anchor, over);
    for (const tick of this.#box.querySelectorAll('.tick')) {
      tick.classList.toggle('preview', tick.dataset.period >= from && tick.dataset.period <= to);
    }
  }

  #drop() {
    if (this.#drag && this.#dragged) this.#choose(span(this.#drag.anchor, this.#drag.over));
    this.#drag = null;
    // The click that ends a drag is not a click on a bar.
    setTimeout(() => { this.#dragged = false; });
  }

  #key(event) {
    const ticks = [...this.#box.querySelectorAll('.tick')];
    const at = ticks.indexOf(event.target);
    if (at < 0) return;
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: ticks.length - 1 }[event.key];
    if (to == null) return;
    event.preventDefault();
    const next = ticks[Math.max(0, Math.min(ticks.length - 1, to))];
    for (const tick of ticks) tick.tabIndex = tick === next ? 0 : -1;
    next.focus();
    if (event.shiftKey) {
      const chosen = this.#current() ?? [event.target.dataset.period, event.target.dataset.period];
      this.#choose(extend(chosen, next.dataset.period), true);
    }
  }
}
