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

import init, { Kamerzoek as Engine } from './pkg/kamerzoek.js';

const ENTRY_FILE = 'kamerzoek.idx';
// FORMAT.md: no entry file unpacks to more. Other files: the bound the entry file states.
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
// A query needs at most a few rounds (chunks, then positions or the word list, then letters).
const MAX_ROUNDS = 16;
// A letter of a split index is a member of a pack of letters (FORMAT.md): the engine asks for it
// as `l-<hash>/<pack>.kz#<member>`; the other files are the index's structure.
const isLetter = (name) => name.includes('#');
// A pack's header is a sealed file of its own at the pack's start: magic, version, flags, the
// letter count, count + 1 offsets (4 bytes each, the members' bounds), CRC-32. It only locates
// the letters; each letter is a sealed file the engine checks.
const PACK_LETTERS = 64;
const PACK_HEADER = 16 + 4 * PACK_LETTERS + 4;
// Packs whose headers one directory file (`h<k>.kz`) of the letter folder holds, and how many of
// them a query must want, their headers not here yet, for the directory to be fetched.
const DIRECTORY_PACKS = 16;
const DIRECTORY_CROWD = 3;
// Whole packs kept for the letters still to come from them (a server that ignores ranges).
const WHOLE_PACKS = 16;
// A response that sends nothing for this long is given up as a network failure: the query
// answers without its file (marked incomplete) and the next query asks for it again, where a
// stalled connection would hold every query that needs the file, sharing its fetch, for as long
// as the browser keeps it open. Any bytes that come start the wait again, so a slow link is no stall.
const STALL_MS = 20_000;

/**
 * The kinds of IndexError: whether trying again can help, and who can fix it.
 * - network: a file could not be fetched (offline, a server error); trying again may help.
 * - missing: the server has no such file (404): the index on the server is incomplete.
 * - damaged: a file is not what the index says (checksum, size, gzip): rebuild the index.
 * - version: the index was built by another version of kamerzoek: rebuild it.
 * - engine: the engine failed and was restarted; trying again works.
 * - unsupported: this browser lacks WebAssembly or DecompressionStream.
 * - aborted: the caller's signal aborted the call.
 * - option: the caller's options are wrong (an unknown filter, a bad date); the message says which.
 */
export const ERROR_KINDS = ['network', 'missing', 'damaged', 'version', 'engine', 'unsupported', 'aborted', 'option'];

/**
 * The answer to a search: as `kamerzoek search --json` prints it.
 * @typedef {object} SearchResults
 * @property {string} query
 * @property {number} total  letters that match, of which `hits` are the first `limit`
 * @property {Hit[]} hits  best first
 * @property {Facets|null} facets  null when not asked for, or 'if-loaded' and not loaded
 * @property {string|null} suggestion  the query with its typos corrected
 * @property {boolean} partial  no letter has every word: the hits have most of them
 * @property {{from: string, to: string, why: string}[]} expanded  what else the words were searched as
 * @property {boolean} incomplete  some files could not be fetched; the answer is without them
 * @property {boolean} cut  the query was longer than 1,000 characters: only its start was searched
 */
/**
 * @typedef {object} About
 * @property {string|null} date  `2024-06-13`, `2024-06` or `2024`
 * @property {'day'|'month'|'year'|null} date_precision
 * @property {'agenda'|'verslag'|'beslisnota'|'overleg'|'schriftelijk-overleg'|'brief'|null} kind
 * @property {string|null} minister
 * @property {{place: string|null, start: string, end: string, summit: string|null, name: string}|null} meeting
 * @property {{id: string, kind: string|null, date: string|null, title: null}[]} same_meeting  the
 *   other letters about the same meeting (agenda, report, debate), oldest first
 * @property {{id: string, kind: string|null, date: string|null, title: string|null}[]} related
 *   the letters most like it, best first
 */
/**
 * @typedef {About & {id: string, title: string, score: number, excerpt: string,
 *   section: {heading: string, anchor: string}|null, missing: string[]}} Hit
 *   `excerpt` is HTML: the letter's text escaped, matches in `<mark>`.
 */
/**
 * @typedef {About & {id: string, title: string, html: string, matches: number,
 *   sections: {heading: string, anchor: string}[], kamerstuk: string|null,
 *   incomplete: boolean}} Reading
 *   `html` is the whole letter, escaped, with `<h3 id>` headings, `<p>` and `<mark data-match>`.
 */
/** @typedef {{kind: FacetValue[], year: FacetValue[], minister: FacetValue[]}} Facets */
/** @typedef {{value: string, count: number}} FacetValue */
/**
 * An index, loaded once per page.
 * @typedef {object} Index
 * @property {number} docCount
 * @property {(query: string, options?: SearchOptions) => Promise<SearchResults>} search
 * @property {(id: string, query?: string, options?: {signal?: AbortSignal}) => Promise<Reading|null>} read
 *   null when the index holds no such letter
 */
/**
 * @typedef {object} SearchOptions
 * @property {number} [limit]  hits to return (10)
 * @property {Object<string, string|string[]>} [filters]  `{ kind: ['verslag'], year: '2024' }`
 * @property {string|number} [from]  only letters dated from this year, month or day on: `'2023-01'`
 * @property {string|number} [to]  only letters dated up to this year, month or day: `'2024-06'`
 * @property {'relevance'|'date'|'-date'} [sort]
 * @property {'meeting'|'none'} [group]  `meeting`: the letters of one meeting as one hit, the best
 *   of them, the others' ids in its `grouped`
 * @property {'always'|'never'|'if-loaded'|boolean} [facets]
 * @property {AbortSignal} [signal]  aborts the search and the fetches only it needs
 * @property {(results: SearchResults) => void} [preview]  called at most once, when only the
 *   hits' letter files are still to come and the index's letter table (fetched for facets; small
 *   archives only) has their titles: the hits in their final order, those whose letters are not
 *   here with an empty excerpt and no section or linked letters (the answer may still fail, or
 *   leave out a letter that could not be fetched)
 * @property {boolean|object} [typing]  the query of a keystroke in an as-you-type box (`true`, or
 *   any object that stands for the box when a page has several): once it knows its hits, the
 *   letters that only earlier queries of the same box still wait for are cancelled, and those
 *   queries fail as `aborted` (a box shows only its latest query)
 */

export class IndexError extends Error {
  constructor(kind, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'IndexError';
    this.kind = kind;
  }
}

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

function loadModule() {
  module ??= (async () => {
    if (typeof WebAssembly !== 'object' || typeof DecompressionStream !== 'function') {
      throw new IndexError('unsupported', 'this browser has no WebAssembly or DecompressionStream');
    }
    const where = wasmUrl ? { module_or_path: wasmUrl } : undefined;
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

function aborted() {
  return new IndexError('aborted', 'the search was superseded');
}

// The bytes of a response, unpacked, at most `limit` of them: a crafted index cannot make the
// browser unpack a gzip bomb. A server may send the stored gzip bytes as they are (unpacked
// here) or mark them Content-Encoding: gzip (the browser unpacks them; counted all the same).
async function fetchBytes(url, limit, signal, priority) {
  const { body } = await fetchRaw(url, limit + 2, signal, undefined, priority);
  return unpack(body, limit, url, signal);
}

// A response's bytes as sent, at most `limit`; with `range` ([start, end)), asked for with a
// Range request: `partial` says whether the server sent just that range.
async function fetchRaw(url, limit, signal, range, priority = 'auto') {
  const stall = new AbortController();
  // Browsers without AbortSignal.any (before 2024) wait as long as the connection does.
  const both = !signal ? stall.signal : AbortSignal.any?.([signal, stall.signal]);
  let timer;
  const alive = () => {
    clearTimeout(timer);
    if (both) timer = setTimeout(() => stall.abort(), STALL_MS);
  };
  const failed = (err) => {
    if (signal?.aborted) return aborted();
    if (err instanceof IndexError) return err;
    if (stall.signal.aborted) return new IndexError('network', `${url}: nothing came for ${STALL_MS / 1000} s`, err);
    return new IndexError('network', `${url}: ${err.message}`, err);
  };
  alive();
  try {
    return await fetchResponse(url, limit, both ?? signal, range, priority, alive);
  } catch (err) {
    throw failed(err);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchResponse(url, limit, signal, range, priority, alive) {
  const headers = range ? { Range: `bytes=${range[0]}-${range[1] - 1}` } : undefined;
  const response = await fetch(url, { signal, headers, priority });
  alive();
  if (response.status === 404 || response.status === 410) {
    throw new IndexError('missing', `${url}: ${response.status} ${response.statusText}`);
  }
  // A range past the file's end: the pack's header named bytes the pack does not have.
  if (response.status === 416) throw new IndexError('damaged', `${url}: no such bytes in the file`);
  if (!response.ok) throw new IndexError('network', `${url}: ${response.status} ${response.statusText}`);
  const body = response.body ? await readAll(response.body, limit, url, alive) : new Uint8Array();
  return { body, partial: response.status === 206 };
}

// Stored bytes unpacked (gzip), or as they came (unpacked by the server), at most `limit`.
async function unpack(body, limit, url, signal) {
  try {
    if (body[0] !== 0x1f || body[1] !== 0x8b) {
      if (body.length > limit) throw new IndexError('damaged', `${url}: larger than the index says its files are`);
      return body;
    }
    const unpacked = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await readAll(unpacked, limit, url);
  } catch (err) {
    if (signal?.aborted) throw aborted();
    if (err instanceof IndexError) throw err;
    throw new IndexError('damaged', `${url}: damaged gzip (${err.message})`, err);
  }
}

// Where each letter of a pack lies, from the pack's first bytes.
function packOffsets(bytes, url) {
  const damaged = new IndexError('damaged', `${url}: not a letter pack, or a damaged one`);
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'KZPK') throw damaged;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const length = 16 + 4 * count + 4;
  if (count < 1 || count > PACK_LETTERS || bytes.length < length) throw damaged;
  const offsets = [];
  for (let i = 0; i <= count; i++) offsets.push(view.getUint32(12 + 4 * i, true));
  if (offsets[0] !== length || offsets.some((o, i) => i > 0 && o <= offsets[i - 1])) throw damaged;
  return offsets;
}

// A directory of packs (`h<k>.kz`): the headers of packs `first`, `first + 1`, ... back to
// back, as each pack begins. The offsets of each, by the pack's URL.
function directoryOffsets(bytes, url, folder, first) {
  const found = new Map();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0, p = first; at < bytes.length; p++) {
    if (at + 12 > bytes.length || p >= first + DIRECTORY_PACKS) {
      throw new IndexError('damaged', `${url}: not a directory of letter packs, or a damaged one`);
    }
    const length = 16 + 4 * view.getUint32(at + 8, true) + 4;
    found.set(new URL(`${p}.kz`, folder).href, packOffsets(bytes.subarray(at, at + length), url));
    at += length;
  }
  return found;
}

// Every chunk of a stream, refusing more than `limit` bytes.
async function readAll(stream, limit, url = 'a file', alive = () => {}) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    length += value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      throw new IndexError('damaged', `${url}: unpacks to more than the index says its files are (${limit} bytes)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// One index on the current module: its engine, and the files being fetched for it. A fetch is
// shared by the queries that need it, and aborted when none of them does any more.
async function openEngine(indexUrl) {
  const [{ Engine: Current }, bytes] = await Promise.all([
    loadModule(),
    fetchBytes(new URL(ENTRY_FILE, indexUrl), MAX_ENTRY_BYTES),
  ]);
  const engine = guard(() => new Current(bytes));
  const limit = engine.largestFile;
  const inflight = new Map(); // name -> { promise, controller, users }

  // Letter packs: where each letter of a pack lies, learnt once per pack and shared by its
  // letters; then each letter by its range (a Range request). The offsets come from the
  // directory of the pack's 16 (`h<k>.kz`, one small file for 1,024 letters) when a query wanted
  // it, else (or where it cannot be read: an index built before directories) from the pack's own
  // first bytes. A server that ignores ranges sends the whole pack, kept for the letters still to
  // come from it.
  const wholeLimit = PACK_HEADER + PACK_LETTERS * (limit + 2);
  const packs = new Map(); // pack url -> Promise<{ offsets, whole }>: every header is kept
  // Whether the letters of one pack may be asked for at once: the server has answered a letter's
  // Range request with just the range, and has never sent a whole pack for one. A host may honour
  // ranges for some URLs and not others (a CDN that has the pack but not its `?member` URL in its
  // cache): once a pack came whole, the letters of one pack go one after another for the rest of
  // the visit, so each pack comes whole at most once more (the letters already asked for at once).
  let ranges = false;
  let wholeSeen = false;
  const answered = (partial) => {
    if (!partial) wholeSeen = true;
    ranges = partial && !wholeSeen;
  };
  const directories = new Map(); // directory url -> Promise<Map<pack url, offsets>|null>
  const wholes = []; // the packs that came whole, oldest first
  // A pack that came whole is kept when it is one: its header's last offset is its length (a
  // login page, a proxy's error page or a range sent as 200 is not, and would otherwise answer
  // for the pack's letters until the page is reloaded).
  const keepWhole = (kept, body, url) => {
    if (body.length !== kept.offsets[kept.offsets.length - 1]) {
      throw new IndexError('damaged', `${url}: not the whole letter pack its header describes`);
    }
    // Only the latest whole packs stay whole; an older one's letters are fetched again.
    if (!kept.whole && wholes.push(kept) > WHOLE_PACKS) wholes.shift().whole = null;
    kept.whole = body;
  };
  // The directory that holds the header of the pack at `url`: { at, folder, first }.
  const directoryFor = (url) => {
    const [, folder, n] = url.href.match(/^(.*\/)(\d+)\.kz$/) ?? [];
    if (folder === undefined) return null;
    const first = Number(n) - (Number(n) % DIRECTORY_PACKS);
    return { at: new URL(`h${first / DIRECTORY_PACKS}.kz`, folder), folder, first };
  };
  const fetchDirectory = ({ at, folder, first }) => {
    let directory = directories.get(at.href);
    if (!directory) {
      directory = fetchBytes(at, DIRECTORY_PACKS * PACK_HEADER, undefined, 'high')
        .then((body) => directoryOffsets(body, at, folder, first))
        .catch((err) => {
          console.warn(`kamerzoek: ${err.message}: reading the packs' own headers`);
          // Tried again when a query next wants it; an index built before directories has none.
          if (err.kind !== 'missing') directories.delete(at.href);
          return null;
        });
      directories.set(at.href, directory);
    }
    return directory;
  };
  // A directory is worth its bytes (some 3 KB for 16 packs, against 276 bytes a header) where a
  // query wants letters of several packs it covers whose headers are not here yet: one request
  // instead of several. Asked for before the letters, which then find it.
  const wantDirectories = (names) => {
    const unknown = new Map(); // directory url -> its packs wanted, headers not here
    for (const name of names.filter(isLetter)) {
      const url = new URL(name.split('#')[0], indexUrl);
      const directory = directoryFor(url);
      if (!directory || packs.has(url.href)) continue;
      if (!unknown.has(directory.at.href)) unknown.set(directory.at.href, { directory, packs: new Set() });
      unknown.get(directory.at.href).packs.add(url.href);
    }
    for (const { directory, packs: wanted } of unknown.values()) {
      if (wanted.size >= DIRECTORY_CROWD) fetchDirectory(directory);
    }
  };
  const packOf = (url) => {
    let pack = packs.get(url.href);
    if (!pack) {
      const directory = directoryFor(url);
      const known = directory && directories.get(directory.at.href);
      pack = Promise.resolve(known).then((offsetsOf) => {
        const offsets = offsetsOf?.get(url.href);
        if (offsets) return { offsets, whole: null };
        return fetchRaw(url, wholeLimit, undefined, [0, PACK_HEADER], 'high').then(({ body, partial }) => {
          const kept = { offsets: packOffsets(body, url), whole: null };
          if (!partial) {
            keepWhole(kept, body, url);
            answered(false);
          }
          return kept;
        });
      });
      pack.catch(() => packs.delete(url.href)); // tried again by the next query that needs it
      packs.set(url.href, pack);
    }
    return pack;
  };
  const fetchLetter = async (url, member, signal, priority) => {
    const kept = await packOf(url);
    if (ranges) return letterOf(url, kept, member, signal, priority);
    // Until the server has shown that it answers ranges, the letters of one pack are asked for
    // one after another: one that ignores them sends the whole pack, once.
    const before = kept.queue;
    let done;
    kept.queue = new Promise((resolve) => { done = resolve; });
    try {
      await before;
      return await letterOf(url, kept, member, signal, priority);
    } finally {
      done();
    }
  };
  const letterOf = async (url, kept, member, signal, priority) => {
    const { offsets } = kept;
    if (signal?.aborted) throw aborted();
    if (!(member < offsets.length - 1)) throw new IndexError('damaged', `${url}: holds no letter ${member}`);
    const [start, end] = [offsets[member], offsets[member + 1]];
    if (kept.whole) return unpack(kept.whole.subarray(start, end), limit, url, signal);
    // Each letter by a URL of its own (the pack's, with the member as a query a static server
    // ignores): the browser's cache lets one request at a time ask for ranges of one URL, and the
    // letters of one pack would wait for each other. Letters asked for one after another use the
    // pack's own URL, so that a pack sent whole, once dropped here, comes from the browser's cache.
    const own = new URL(url);
    if (ranges) own.search = String(member);
    const { body, partial } = await fetchRaw(own, wholeLimit, signal, [start, end], priority);
    // A server that ignores ranges (or stopped honouring them) sent the whole pack.
    if (!partial) keepWhole(kept, body, url);
    answered(partial);
    const bytes = partial ? body : body.subarray(start, end);
    if (bytes.length !== end - start) throw new IndexError('damaged', `${url}: the letter's bytes are cut short`);
    return unpack(bytes, limit, url, signal);
  };
  const fetchFile = (name, signal, priority) => {
    const [file, member] = name.split('#');
    return member === undefined
      ? fetchBytes(new URL(name, indexUrl), limit, signal, priority)
      : fetchLetter(new URL(file, indexUrl), Number(member), signal, priority);
  };

  // Fetches `name` for one query (`asker`); the query's `held` list gets a function that lets go.
  // A letter nobody waits for any more is cancelled; the index's own files (term chunks,
  // positions, the table, the word list) are fetched to the end and kept: while a visitor types,
  // the query of each keystroke is superseded by the next, and what it fetched is what the next
  // one needs (`luchtverdedi` and `luchtverdediging` live in one chunk). What nobody waits for
  // (a prefetch) asks the browser for a low priority.
  const cancel = (name, entry) => {
    if (inflight.get(name) !== entry) return;
    inflight.delete(name);
    entry.controller.abort();
  };
  const fetchFor = (name, held, asker = null) => {
    let entry = inflight.get(name);
    if (!entry) {
      const controller = new AbortController();
      entry = { controller, users: new Set() };
      entry.promise = fetchFile(name, controller.signal, asker ? 'high' : 'low')
        .then((data) => guard(() => engine.supply(name, data)))
        .finally(() => { if (inflight.get(name) === entry) inflight.delete(name); });
      // Its waiters see a failure; a file kept after its queries went must not raise it unheard.
      entry.promise.catch(() => {});
      inflight.set(name, entry);
    }
    const user = asker ?? {};
    entry.users.add(user);
    held.push(() => {
      if (!entry.users.delete(user)) return;
      if (entry.users.size === 0 && isLetter(name)) cancel(name, entry);
    });
    return entry.promise;
  };

  // The query of a keystroke (`typing`: the key of its box) comes to its letters: the letters
  // that only earlier queries of the same box, still running unseen, wait for are cancelled
  // (those queries fail as aborted). On a slow link they would hold up the connections this
  // query's letters need; the letters it shares with them go on.
  let typed = 0;
  const yieldLetters = (asker, names) => {
    const wanted = new Set(names);
    const older = (u) => u.box === asker.box && u.turn < asker.turn;
    for (const [name, entry] of inflight) {
      if (isLetter(name) && !wanted.has(name) && [...entry.users].every(older)) cancel(name, entry);
    }
  };

  // Files that could not be fetched are tried again by the next question, but not by the same
  // question asked again (the widget asks for facets in a second call).
  let lastQuestion = null;
  const ask = async (question, call, signal, box = null, preview = null) => {
    if (signal?.aborted) throw aborted();
    if (question !== lastQuestion) guard(() => engine.retry());
    lastQuestion = question;
    const asker = { box, turn: ++typed };
    const held = [];
    const letGo = () => held.splice(0).forEach((release) => release());
    signal?.addEventListener('abort', letGo, { once: true });
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        // The engine answers in JSON text, as `kamerzoek search --json` prints it.
        const answer = JSON.parse(guard(call));
        // What a coming query may want (the word being typed may become one that stands for
        // another): fetched and kept, with nobody waiting.
        for (const name of guard(() => engine.prefetch()).split('\n')) {
          if (name) fetchFor(name, []).catch(() => {});
        }
        if (!Array.isArray(answer?.need)) return answer;
        if (answer.preview && preview) {
          // The page's own code: its failure must not fail the query.
          try { preview(answer.preview); } catch (err) { console.warn('kamerzoek: preview:', err); }
          preview = null;
        }
        // Only a round that asks for letters knows the hits: a round that waits for a term chunk
        // or positions asks for none, and must not cancel what the keystrokes before it fetch.
        if (box !== null && answer.need.some(isLetter)) yieldLetters(asker, answer.need);
        wantDirectories(answer.need);
        const abort = signal ? new Promise((_, reject) => {
          if (signal.aborted) reject(aborted());
          signal.addEventListener('abort', () => reject(aborted()), { once: true });
        }) : null;
        const fetched = Promise.all(answer.need.map(async (name) => {
          try {
            await fetchFor(name, held, asker);
          } catch (err) {
            // Not here: answer without it. Damage, a version or the engine fail the query.
            if (err.kind === 'network' || err.kind === 'missing') {
              console.warn(`kamerzoek: ${err.message}: answering without it`);
              guard(() => engine.unavailable(name));
            } else {
              throw err;
            }
          }
        }));
        // Once aborted, the fetches still running may fail: nobody waits for them any more.
        fetched.catch(() => {});
        await (abort ? Promise.race([fetched, abort]) : fetched);
        letGo();
      }
      throw new IndexError('damaged', 'a query kept asking for more files');
    } finally {
      signal?.removeEventListener('abort', letGo);
      letGo();
    }
  };
  return { engine, ask };
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
      return ask(question, () => engine.search(
        String(query ?? ''),
        options.limit ?? 10,
        specs,
        options.sort ?? 'relevance',
        facetMode(options.facets),
        options.group ?? '',
      ), options.signal, options.typing ? options.typing : null, options.preview);
    },
    /** @type {Index['read']} */
    async read(id, query = '', { signal } = {}) {
      const { engine, ask } = await use();
      return ask(JSON.stringify(['read', String(id), String(query ?? '')]), () => engine.read(String(id), String(query ?? '')), signal);
    },
  };
}

// facets: 'always' (the default), 'never', or 'if-loaded': only when the letter table is here
// already; as the CLI's --facets. true and false stand for 'always' and 'never'.
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
function rangeSpecs({ from, to }) {
  return [['from', from], ['to', to]]
    .filter(([, date]) => date != null && date !== '')
    .map(([bound, date]) => `${bound}=${date}`);
}

/**
 * Loads an index folder (its entry file and the engine, once per page).
 * @param {string} [indexUrl]  the index folder, relative to `base`
 * @param {string} [base]
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
