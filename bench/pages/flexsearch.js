import FlexSearch from '../flexsearch/lib/flexsearch.bundle.module.min.js';
import { report } from './common.js';

// Indexed in the browser from the documents, with forward (prefix) tokenization.
report(fetch('../flexsearch/docs.json').then((r) => r.json()).then((docs) => {
  const index = new FlexSearch.Document({
    document: { id: 'id', index: ['title', 'body'], store: ['title'] },
    tokenize: 'forward',
  });
  for (const doc of docs) index.add(doc);
  return async (q) => {
    const fields = index.search(q, { limit: 10, merge: true });
    return fields.slice(0, 10).map((r) => r.id);
  };
}));
