// The letters of a split index, out of their packs (FORMAT.md, "Letter pack"): where each letter
// of a pack lies, learnt once per pack and shared by its letters; then each letter by its range
// (a Range request). The offsets come from the directory of the pack's 16 (`h<k>.kz`, one small
// file for 1,024 letters) when a query wanted it, else (or where it cannot be read: an index built
// before directories) from the pack's own first bytes. A server that ignores ranges sends the
// whole pack, kept for the letters still to come from it.

import { IndexError, aborted } from './errors.js';
import { fetchFile, fetchRaw, unpack } from './fetch.js';
import { PACK_HEADER, PACK_LETTERS, headerLength, isLetter, packOffsets } from './pack-header.js';

// Packs whose headers one directory file (`h<k>.kz`) of the letter folder holds, and how many of
// them a query must want, their headers not here yet, for the directory to be fetched.
const DIRECTORY_PACKS = 16;
const DIRECTORY_CROWD = 3;
// Whole packs kept for the letters still to come from them (a server that ignores ranges).
const WHOLE_PACKS = 16;

// A pack's offsets, or the error that its bytes are no pack's header.
function readOffsets(bytes, url) {
  const offsets = packOffsets(bytes);
  if (!offsets) throw new IndexError('damaged', `${url}: not a letter pack, or a damaged one`);
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
    const length = headerLength(view.getUint32(at + 8, true));
    found.set(new URL(`${p}.kz`, folder).href, readOffsets(bytes.subarray(at, at + length), url));
    at += length;
  }
  return found;
}

/**
 * The letters of the index at `indexUrl`, whose files unpack to at most `limit` bytes.
 * @returns {{fetchLetter: (url: URL, member: number, signal?: AbortSignal, priority?: string) =>
 *   Promise<Uint8Array>, wantDirectories: (names: string[]) => void,
 *   prefetchDirectories: (folder: string, docs: number) => void}}
 */
export function letterPacks(indexUrl, limit) {
  const wholeLimit = PACK_HEADER + PACK_LETTERS * (limit + 2);
  const packs = new Map(); // pack url -> Promise<{ offsets, whole }>: every header is kept
  // Whether the letters of one pack may be asked for at once: the server has answered a letter's
  // Range request with just the range (or said it answers ranges, below), and has never sent a
  // whole pack for one. A host may honour
  // ranges for some URLs and not others (a CDN that has the pack but not its `?member` URL in its
  // cache): once a pack came whole, the letters of one pack go one after another for the rest of
  // the visit, so each pack comes whole at most once more (the letters already asked for at once).
  // A server that says it answers ranges (`Accept-Ranges: bytes` on a directory or a header) is
  // taken at its word before a letter has shown it: a first query's letters of one pack need not
  // wait for each other a round trip each (at 1,000 letters, 10 hits share some of 16 packs).
  let ranges = false;
  let wholeSeen = false;
  const answered = (partial) => {
    if (!partial) wholeSeen = true;
    ranges = partial && !wholeSeen;
  };
  const advertised = (says) => {
    if (says && !wholeSeen) ranges = true;
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
      directory = fetchFile(at, DIRECTORY_PACKS * PACK_HEADER, undefined, 'high')
        .then(({ bytes, ranges: says }) => {
          advertised(says);
          return directoryOffsets(bytes, at, folder, first);
        })
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
        return fetchRaw(url, wholeLimit, undefined, [0, PACK_HEADER], 'high').then(({ body, partial, ranges: says }) => {
          const kept = { offsets: readOffsets(body, url), whole: null };
          if (!partial) {
            keepWhole(kept, body, url);
            answered(false);
          } else advertised(says);
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
    let done = () => {};
    kept.queue = new Promise((resolve) => { done = () => resolve(undefined); });
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
  // The directories of the letter folder `folder` (`l-<hash>/`) of `docs` letters, fetched before
  // any query wants its letters: a small archive's, with the engine, so that a first query's
  // letters wait for no directory.
  const prefetchDirectories = (folder, docs) => {
    const at = new URL(folder, indexUrl);
    for (let first = 0; first * PACK_LETTERS < docs; first += DIRECTORY_PACKS) {
      fetchDirectory({ at: new URL(`h${first / DIRECTORY_PACKS}.kz`, at), folder: at.href, first });
    }
  };
  return { fetchLetter, wantDirectories, prefetchDirectories };
}
