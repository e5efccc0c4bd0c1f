import MiniSearch from '../minisearch/lib/index.js';
import { report } from './common.js';

// Every word required, prefix on words, fuzzy 0.2: MiniSearch's closest setting to the others'.
report(fetch('../minisearch/index.json').then((r) => r.text()).then((json) => {
  const ms = MiniSearch.loadJSON(json, { fields: ['title', 'body'], storeFields: ['title'] });
  return async (q) => ms.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).slice(0, 10).map((r) => r.id);
}));
