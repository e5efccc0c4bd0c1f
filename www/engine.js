// The engine for any page: loads the WebAssembly module once, and each index once, then answers
// queries, fetching only the files of the index folder that a query needs (the chunks its words
// live in, the letters it shows) and keeping them. Failed loads are not cached, so a later call
// can try again.
//   const idx = await load('./index/');
//   await idx.search('luchtverdediging', { limit: 10, filters: { kind: ['verslag'] }, signal });
//   await idx.read(id, query)  // the whole letter as HTML, matches marked
//
// What can go wrong is an IndexError with a `kind` a page can act on (see ERROR_KINDS); the
// technical detail is its message. A file that cannot be fetched (a 404, a dropped connection)
// does not fail a query: the answer leaves out what it holds and says `incomplete: true`, and
// the next query tries the file again. A trap inside the WebAssembly module (which leaves a
// module unusable) restarts the engine: the call fails with kind 'engine', the next one works.

// @ts-ignore: the glue is made by the build (scripts/build-web.sh), beside the built engine.js
import init, { Kamerzoek as Engine } from './pkg/kamerzoek.js';
import { makeAsk } from './engine/ask.js';
import { IndexError } from './engine/errors.js';
import { fetchBytes } from './engine/fetch.js';
import { letterPacks } from './engine/packs.js';

export { ERROR_KINDS, IndexError } from './engine/errors.js';

const ENTRY_FILE = 'kamerzoek.idx';
// Archives of at most this many letters fetch what any first query may want with the engine.
const EAGER_LETTERS = 1024;
// FORMAT.md: no entry file unpacks to more. Other files: the bound the entry file states.
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

// The JS API's types are written once, in the npm package's `kamerzoek.d.ts`; the code is
// checked against them (`tsc --checkJs`, tests/browser/the_js_api_types_match_the_code.test.mjs).
/** @typedef {import('../packages/npm/kamerzoek.d.ts').Index} Index */
/** @typedef {import('../packages/npm/kamerzoek.d.ts').SearchOptions} SearchOptions */

const indexes = new Map();
// The handles given out, each reopened on the new module after a restart.
const handles = new Set();
// The initialised module: { Engine }. A trap makes it unusable: it is loaded anew, as a new
// module instance (a new URL), and every index opens again on it.
let module = null;
let restarts = 0;

// This module's folder, from a string: a bundler would take `new URL('./index/',
// import.meta.url)` for a file to copy. The index is beside it, where `kamerzoek build` puts it.
const HERE = import.meta.url.replace(/[^/?#]*([?#].*)?$/, '');
const DEFAULT_INDEX = `${HERE}index/`;

// Where the WebAssembly module is: beside pkg/kamerzoek.js unless a page says otherwise (a
// bundler that does not copy files named by `new URL(..., import.meta.url)`, esbuild's case).
let wasmUrl = null;

/**
 * Tells the engine where its WebAssembly module is, before the first `load`.
 * @param {{wasm?: string|URL}} where
 */
export function configureEngine({ wasm } = {}) {
  if (wasm) wasmUrl = new URL(wasm, document.baseURI).href;
}

// The WebAssembly module as the glue takes it: the one the page configured, else the gzip beside
// the glue (`kamerzoek_bg.wasm.gz`, 40% of the bytes where a host does not compress), unpacked as
// it streams in, so it is compiled as it comes. A host that unpacked it on the way
// (`Content-Encoding: gzip`) sends the module itself; a site without the gzip, the plain one.
async function wasmSource() {
  if (wasmUrl) return { module_or_path: wasmUrl };
  const response = await fetch(`${HERE}pkg/kamerzoek_bg.wasm.gz`).catch(() => null);
  // Named here: bundled into engine.js, the glue's own default would look beside engine.js.
  if (!response?.ok || !response.body) return { module_or_path: `${HERE}pkg/kamerzoek_bg.wasm` };
  const reader = response.body.getReader();
  const first = await reader.read();
  const head = first.value ?? new Uint8Array();
  const stream = new ReadableStream({
    start(controller) { if (!first.done) controller.enqueue(head); else controller.close(); },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close(); else controller.enqueue(value);
    },
    cancel(reason) { return reader.cancel(reason); },
  });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const body = gzip ? stream.pipeThrough(new DecompressionStream('gzip')) : stream;
  return { module_or_path: new Response(body, { headers: { 'Content-Type': 'application/wasm' } }) };
}

function loadModule() {
  module ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof DecompressionStream !== 'function') {
      throw new IndexError('unsupported', 'this browser has no WebAssembly or DecompressionStream');
    }
    const where = await wasmSource();
    if (restarts === 0) {
      await init(where);
      return { Engine };
    }
    // A new URL makes a new module instance. Built from a string, so a bundler leaves it alone
    // (a bundled page restarts only where pkg/ is beside the bundle; elsewhere the call says so).
    const glue = `${HERE}pkg/kamerzoek.js?restart=${restarts}`;
    const fresh = await import(/* webpackIgnore: true */ /* @vite-ignore */ glue);
    await fresh.default(where);
    return { Engine: fresh.Kamerzoek };
  })().catch((err) => {
    module = null;
    throw err instanceof IndexError ? err : new IndexError('network', `the engine could not be loaded: ${err.message}`, err);
  });
  return module;
}

function restart() {
  restarts += 1;
  module = null;
  for (const h of handles) h.reset();
}

// Runs a call into the engine, turning what it throws into an IndexError.
function guard(call) {
  try {
    return call();
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      restart();
      throw new IndexError('engine', `the engine stopped (${err.message}) and was restarted`, err);
    }
    throw engineError(err);
  }
}

function engineError(err) {
  const message = String(err?.message ?? err);
  // Options the caller got wrong (a bad filter or date): the message names the value.
  if (err?.name === 'OptionError') return new IndexError('option', message, err);
  return new IndexError(/format version/.test(message) ? 'version' : 'damaged', message, err);
}

// One index on the current module: its engine, its letters' packs, and its questions.
async function openEngine(indexUrl) {
  const [{ Engine: Current }, bytes] = await Promise.all([
    loadModule(),
    fetchBytes(new URL(ENTRY_FILE, indexUrl), MAX_ENTRY_BYTES),
  ]);
  const engine = guard(() => new Current(bytes));
  const limit = engine.largestFile;
  const { fetchLetter, wantDirectories, prefetchDirectories } = letterPacks(indexUrl, limit);
  const fetchFile = (name, signal, priority) => {
    const [file, member] = name.split('#');
    return member === undefined
      ? fetchBytes(new URL(name, indexUrl), limit, signal, priority)
      : fetchLetter(new URL(file, indexUrl), Number(member), signal, priority);
  };
  const ask = makeAsk(engine, guard, fetchFile, wantDirectories);
  // What a first query may want whatever its words, in a small archive (none in a large one,
  // where each comes when a query needs it): where its letters lie, asked for now, with the
  // module (3 KB that a first query's letters would otherwise wait a round trip for); the
  // letter table and the word list (some 30 KB at 1,000 letters) when a visitor is about to type
  // (`prefetch`), for titles before letters and typos without a round trip.
  const opening = (engine.docCount <= EAGER_LETTERS ? guard(() => engine.opening) : '').split('\n').filter(Boolean);
  // The letter folder (`l-<hash>/`) stands for the directories of its packs.
  for (const folder of opening.filter((name) => name.endsWith('/'))) prefetchDirectories(folder, engine.docCount);
  const prefetch = () => opening.filter((name) => !name.endsWith('/')).forEach(ask.prefetch);
  return { engine, ask, prefetch };
}

// The handle a page holds: it survives an engine restart by opening its index again.
function handle(indexUrl, opened) {
  let current = Promise.resolve(opened);
  const use = () => {
    current ??= openEngine(indexUrl).catch((err) => {
      current = null;
      throw err;
    });
    return current;
  };
  return {
    docCount: opened.engine.docCount,
    reset() { current = null; },
    /** @type {Index['search']} */
    async search(query, options = {}) {
      const { engine, ask } = await use();
      const specs = [...filterSpecs(options.filters), ...rangeSpecs(options)];
      const question = JSON.stringify(['search', String(query ?? ''), options.limit ?? 10, specs, options.sort, options.group]);
      return located(await ask(question, () => engine.search(
        String(query ?? ''),
        options.limit ?? 10,
        specs,
        options.sort ?? 'relevance',
        facetMode(options.facets),
        options.group ?? '',
      ), options.signal, options.typing ? options.typing : null, options.preview), indexUrl);
    },
    /** @type {Index['prefetch']} */
    prefetch() {
      use().then(({ prefetch }) => prefetch(), () => {});
    },
    /** @type {Index['read']} */
    async read(id, query = '', { signal } = {}) {
      const { engine, ask } = await use();
      const reading = await ask(JSON.stringify(['read', String(id), String(query ?? '')]), () => engine.read(String(id), String(query ?? '')), signal);
      return located({ hits: [reading] }, indexUrl).hits[0];
    },
  };
}

// A letter's `source` as the index has it may be relative to the index folder (a PDF the build
// published in it): made absolute, so a page anywhere links it right. One that is no http(s)
// URL (a crafted index's `javascript:`) is none.
function located(answer, indexUrl) {
  for (const hit of answer?.hits ?? []) {
    if (!hit?.source) continue;
    try {
      const url = new URL(hit.source, indexUrl);
      hit.source = url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      hit.source = null;
    }
  }
  return answer;
}

// facets: 'always' (the default), 'never', or 'if-loaded': only when the letter table is here
// already; as the CLI's --facets. true and false stand for 'always' and 'never'.
/** @param {SearchOptions['facets']} [facets] */
function facetMode(facets = 'always') {
  if (facets === true) return 'always';
  if (facets === false) return 'never';
  return String(facets);
}

// { kind: ['verslag'], year: '2024' } -> ['kind=verslag', 'year=2024'], as the CLI's --filter.
function filterSpecs(filters = {}) {
  if (typeof filters !== 'object' || filters === null) throw new TypeError('filters must be an object');
  return Object.entries(filters)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([field, values]) => [values].flat().map((value) => `${field}=${value}`));
}

// { from: '2023-01', to: 2024 } -> ['from=2023-01', 'to=2024'], as the CLI's --from and --to.
/** @param {Pick<SearchOptions, 'from' | 'to'>} range */
function rangeSpecs({ from, to }) {
  return [['from', from], ['to', to]]
    .filter(([, date]) => date != null && date !== '')
    .map(([bound, date]) => `${bound}=${date}`);
}

/**
 * Loads an index folder (its entry file and the engine, once per page).
 * @param {string|URL} [indexUrl]  the index folder, relative to `base`
 * @param {string|URL} [base]
 * @returns {Promise<Index>}  rejects with an IndexError
 */

export function load(indexUrl = DEFAULT_INDEX, base = document.baseURI) {
  const url = new URL(indexUrl, base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const key = url.href;
  if (!indexes.has(key)) {
    indexes.set(key, openEngine(url).then((opened) => {
      const h = handle(url, opened);
      handles.add(h);
      return h;
    }, (err) => {
      indexes.delete(key);
      throw err;
    }));
  }
  return indexes.get(key);
}
