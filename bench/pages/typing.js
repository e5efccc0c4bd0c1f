// Shared by the typing pages: types a query a character at a time, as a visitor does, and
// reports the time from the last keystroke until that query's results are shown with their
// titles, and until they are shown whole (with excerpts). Each engine's page gives
// `start(onShown)`, which returns `key(text)`: called with the box's text after every keystroke;
// the page calls onShown(text, true, ids) when it shows text's results (their ids, best first),
// onShown(text, false) when it shows them with titles but without excerpts yet.

export function typing(start) {
  let waiting = null;
  const key = start((text, whole = true, ids = []) => {
    if (waiting && text === waiting.text) {
      const now = performance.now() - waiting.last;
      waiting.titles ??= now;
      if (!whole) return;
      const w = waiting;
      waiting = null;
      w.resolve({ ms: w.titles, full: now, ids });
    }
  });
  // Resolves with the milliseconds from the last keystroke to the results of `query` shown with
  // titles (`ms`) and whole (`full`), and the ids shown.
  window.typeQuery = (query, charMs) => new Promise((resolve, reject) => {
    let i = 0;
    const timeout = setTimeout(() => reject(new Error(`no results for ${query} in 60 s`)), 60_000);
    const next = () => {
      i += 1;
      const text = query.slice(0, i);
      if (i === query.length) {
        waiting = { text, last: performance.now(), resolve: (ms) => { clearTimeout(timeout); resolve(ms); } };
      }
      key(text);
      if (i < query.length) setTimeout(next, charMs);
    };
    next();
  });
  window.clearBox = () => key('');
  window.typingReady = true;
}
