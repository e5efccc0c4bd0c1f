import { report } from './common.js';

// lunr's own query syntax: plain words are optional (any may match), as lunr users type them.
report(Promise.all([
  fetch('../lunr/index.json').then((r) => r.json()),
  fetch('../lunr/titles.json').then((r) => r.json()),
]).then(([index, titles]) => {
  const idx = window.lunr.Index.load(index);
  // The titles are loaded because a result list shows them.
  return async (q) => idx.search(q).slice(0, 10).map((r) => (titles[r.ref] ? r.ref : null)).filter(Boolean);
}));
