// The widget's reader: one whole letter with every match marked and buttons to step through
// them, the other letters of its meeting above it and the letters most like it below. Opening
// one of those, going back and Escape are the widget's to do (`open`, `close`).

import { fieldsLine, metaLine, relatedList, sameMeeting, sourceUrl } from './render.js';

export class Reader {
  #ui;
  #t;
  #marks = []; // the letter's <mark>s, in reading order
  #current = -1; // the match stepped to, -1 before the first step
  #source = null; // the original's URL, if the letter has one

  // `root` holds the reader's elements (the widget's shadow root); `open(id)` opens another
  // letter, `close()` goes back to the results.
  constructor(root, t, { open, close }) {
    const $ = (selector) => root.querySelector(selector);
    this.#ui = {
      article: $('.reader'), title: $('#kz-reader-title'), meta: $('.reader .meta'), same: $('.reader .same'),
      fields: $('.reader .fields'), source: $('.reader .source'),
      after: $('.reader .after'), letter: $('.letter'), matchCount: $('.match-count'), prev: $('.prev'), next: $('.next'),
    };
    this.#t = t;
    $('.back').addEventListener('click', () => close());
    this.#ui.prev.addEventListener('click', () => this.#step(-1));
    this.#ui.next.addEventListener('click', () => this.#step(1));
    for (const links of [this.#ui.same, this.#ui.after]) {
      links.addEventListener('click', (event) => {
        const other = event.target.closest('[data-open]');
        if (other) open(other.dataset.open);
      });
    }
    this.#ui.article.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
  }

  // Shows `reading`, a letter as the engine's `read` gives it.
  show(reading) {
    const { article, title, meta, same, after, letter, prev, next, matchCount } = this.#ui;
    const t = this.#t;
    title.textContent = reading.title;
    meta.textContent = [metaLine(reading, t), reading.kamerstuk && t.kamerstuk(reading.kamerstuk)]
      .filter(Boolean).join(' · ');
    this.#ui.fields.textContent = fieldsLine(reading.fields);
    this.#ui.fields.hidden = !reading.fields?.length;
    this.#source = sourceUrl(reading.source);
    this.#ui.source.hidden = !this.#source;
    const others = sameMeeting(reading.same_meeting, t);
    same.replaceChildren(...(others ? [others] : []));
    const related = relatedList(reading.related, t);
    after.replaceChildren(...(related ? [related] : []));
    // Safe: the engine escapes the letter and adds only <p>, <h3 id> and <mark> elements.
    letter.innerHTML = reading.html;
    this.#marks = [...letter.querySelectorAll('mark')];
    this.#current = -1;
    article.hidden = false;
    prev.disabled = this.#marks.length === 0;
    next.disabled = this.#marks.length === 0;
    this.#countMatches();
    this.#linkSource();
    if (reading.incomplete) matchCount.textContent += t.notAllMarked;
  }

  hide() {
    this.#ui.article.hidden = true;
  }

  // Takes the focus to the title, and scrolls to the first match in `section` (the heading the
  // hit came from: {anchor}), else to the first match, else to the section or the title.
  focus(section) {
    const { title, letter } = this.#ui;
    title.focus({ preventScroll: true });
    const anchor = section && letter.querySelector(`#${CSS.escape(section.anchor)}`);
    const firstInSection = anchor && this.#marks.findIndex((m) => anchor.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    if (this.#marks.length > 0) this.#step(1, firstInSection > 0 ? firstInSection : 0);
    else (anchor ?? title).scrollIntoView({ block: 'start' });
  }

  // Moves to the next (+1) or previous (-1) match, or to match `to`.
  #step(direction, to) {
    if (!this.#marks.length) return;
    this.#marks[this.#current]?.classList.remove('current');
    const count = this.#marks.length;
    this.#current = to ?? (this.#current + direction + count) % count;
    const mark = this.#marks[this.#current];
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    this.#countMatches();
    this.#linkSource();
  }

  // The link to the original: a PDF opens at the page of the match stepped to (`#page=3`).
  #linkSource() {
    if (!this.#source) return;
    const link = this.#ui.source.firstElementChild;
    const pdf = /\.pdf$/i.test(this.#source.pathname);
    const page = pdf ? this.#pageOf(this.#marks[Math.max(this.#current, 0)]) : null;
    const url = new URL(this.#source);
    if (page) url.hash = `page=${page}`;
    link.href = url.href;
    link.textContent = this.#t.original(pdf, page);
  }

  // The page a mark stands on: the last page mark before it, else the first page.
  #pageOf(mark) {
    if (!mark) return null;
    const pages = [...this.#ui.letter.querySelectorAll('.kz-page')];
    const before = pages.filter((p) => p.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING);
    return before.length ? Number(before.at(-1).dataset.page) : 1;
  }

  #countMatches() {
    const count = this.#marks.length;
    this.#ui.matchCount.textContent = count === 0 ? this.#t.noMatches : this.#t.match(this.#current + 1, count);
  }
}
