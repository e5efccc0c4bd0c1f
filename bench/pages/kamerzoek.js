import { load } from '../kz/engine.js';
import { report } from './common.js';

// Hits with titles and excerpts, as the widget shows them first; the widget asks for facets
// after, as Pagefind's UI loads its filters apart from the results.
report(load('../kz/index/', location.href).then((idx) => async (q) => (await idx.search(q, { limit: 10, facets: 'never' })).hits.map((h) => h.id)));
