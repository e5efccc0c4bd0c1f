// The engine for any page: loads the WebAssembly module once, and each index folder once, then
// searches in memory. Failed loads are not cached, so a later call can try again.
//   const idx = await load('./index/');
//   idx.search('luchtverdediging', { limit: 10, filters: { kind: ['verslag'] }, sort: 'relevance' });
//   idx.read(id, query)  // the whole letter as HTML, matches marked

import init, { Kamerzoek as Engine } from './pkg/kamerzoek.js';

const INDEX_FILE = 'kamerzoek.idx';
const indexes = new Map();
let wasm = null;

async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new Error(`${url}: ${err.message}`);
  }
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function open(indexUrl) {
  wasm ??= init().catch((err) => {
    wasm = null;
    throw err;
  });
  const [, bytes] = await Promise.all([wasm, fetchBytes(new URL(INDEX_FILE, indexUrl))]);
  const engine = new Engine(bytes);
  return {
    docCount: engine.docCount,
    search: (query, options = {}) => engine.search(
      String(query ?? ''),
      options.limit ?? 10,
      filterSpecs(options.filters),
      options.sort ?? 'relevance',
    ),
    read: (id, query = '') => engine.read(String(id), String(query ?? '')),
  };
}

// { kind: ['verslag'], year: '2024' } -> ['kind=verslag', 'year=2024'], as the CLI's --filter.
function filterSpecs(filters = {}) {
  if (typeof filters !== 'object' || filters === null) throw new Error('filters must be an object');
  return Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([field, values]) => [values].flat().map((value) => `${field}=${value}`));
}

// Resolves to { docCount, search(query, options), read(id, query) }; rejects with a readable Error.
export function load(indexUrl = './index/', base = document.baseURI) {
  const url = new URL(indexUrl, base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const key = url.href;
  if (!indexes.has(key)) {
    indexes.set(key, open(url).catch((err) => {
      indexes.delete(key);
      throw err;
    }));
  }
  return indexes.get(key);
}
