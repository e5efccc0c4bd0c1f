// The engine, for any page: loads the WebAssembly module and an index folder, then searches.
//   const idx = await load('./index/');
//   const { total, hits, facets } = idx.search('luchtverdediging', { limit: 10, filters: { kind: ['verslag'] }, sort: 'relevance' });

import init, { Kamerzoek } from './pkg/kamerzoek.js';

const INDEX_FILE = 'kamerzoek.idx';

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

// Resolves to an object with search(query, options) and docCount; rejects with a readable Error.
export async function load(indexDir) {
  const base = new URL(indexDir, document.baseURI);
  const [, bytes] = await Promise.all([init(), fetchBytes(new URL(INDEX_FILE, base))]);
  const engine = new Kamerzoek(bytes);
  return {
    docCount: engine.docCount,
    search: (query, options = {}) => engine.search(query, options),
  };
}
