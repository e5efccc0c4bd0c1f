// The engine for any page: loads the WebAssembly module once, and each index once, then answers
// queries, fetching only the files of the index folder that a query needs (the chunks its words
// live in, the letters it shows) and keeping them. Failed loads are not cached, so a later call
// can try again.
//   const idx = await load('./index/');
//   await idx.search('luchtverdediging', { limit: 10, filters: { kind: ['verslag'] }, sort: 'relevance' });
//   await idx.read(id, query)  // the whole letter as HTML, matches marked

import init, { Kamerzoek as Engine } from './pkg/kamerzoek.js';

const ENTRY_FILE = 'kamerzoek.idx';
// A query needs at most a few rounds (chunks, then positions or the word list, then letters).
const MAX_ROUNDS = 16;
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
  return unpack(new Uint8Array(await response.arrayBuffer()), url);
}

// Index files are stored gzip-compressed. A server that sends them as they are hands over gzip
// bytes, unpacked here; one that marks them Content-Encoding: gzip has the browser unpack them.
async function unpack(bytes, url) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    throw new Error(`${url}: index is corrupt: damaged gzip (${err.message})`);
  }
}

async function open(indexUrl) {
  wasm ??= init().catch((err) => {
    wasm = null;
    throw err;
  });
  const [, bytes] = await Promise.all([wasm, fetchBytes(new URL(ENTRY_FILE, indexUrl))]);
  const engine = new Engine(bytes);
  // One fetch per file, shared by queries that need it at the same time; dropped if it fails.
  const files = new Map();
  const supply = (name) => {
    if (!files.has(name)) {
      files.set(name, fetchBytes(new URL(name, indexUrl)).then(
        (data) => engine.supply(name, data),
        (err) => {
          files.delete(name);
          throw err;
        },
      ));
    }
    return files.get(name);
  };
  const ask = async (call) => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const answer = call();
      if (!Array.isArray(answer?.need)) return answer;
      await Promise.all(answer.need.map(supply));
    }
    throw new Error('index is corrupt: a query kept asking for more files');
  };
  return {
    docCount: engine.docCount,
    search: (query, options = {}) => ask(() => engine.search(
      String(query ?? ''),
      options.limit ?? 10,
      filterSpecs(options.filters),
      options.sort ?? 'relevance',
      facetMode(options.facets),
    )),
    read: (id, query = '') => ask(() => engine.read(String(id), String(query ?? ''))),
  };
}

// facets: true (the default), false, or 'if-loaded': only when the letter table is here already.
function facetMode(facets = true) {
  if (facets === 'if-loaded') return 'if-loaded';
  return facets ? 'yes' : 'no';
}

// { kind: ['verslag'], year: '2024' } -> ['kind=verslag', 'year=2024'], as the CLI's --filter.
function filterSpecs(filters = {}) {
  if (typeof filters !== 'object' || filters === null) throw new Error('filters must be an object');
  return Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([field, values]) => [values].flat().map((value) => `${field}=${value}`));
}

// Resolves to { docCount, search(query, options), read(id, query) }, whose calls resolve to the
// answers; rejects with a readable Error.
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
