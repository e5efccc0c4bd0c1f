// A question asked of the engine until it is answered: each round, the engine replies with the
// answer or the files it needs; they are fetched (each once, shared by the questions in flight;
// a letter cancelled when no question waits for it any more), handed over, and the question is
// asked again.

import { IndexError, aborted } from './errors.js';
import { isLetter } from './pack-header.js';

// A query needs at most a few rounds (chunks, then positions or the word list, then letters).
const MAX_ROUNDS = 16;

/**
 * The `ask` of one engine: `ask(question, call, signal, box, preview)` runs `call` (a question of
 * the engine, its JSON reply) until it is answered, and returns the answer.
 * @param {object} engine  the wasm engine: `supply`, `unavailable`, `retry`
 * @param {<T>(call: () => T) => T} guard  runs a call into the engine, its failures as IndexErrors
 * @param {(name: string, signal: AbortSignal, priority: string) => Promise<Uint8Array>} fetchFile
 * @param {(names: string[]) => void} wantDirectories
 */
export function makeAsk(engine, guard, fetchFile, wantDirectories) {
  const inflight = new Map(); // name -> { promise, controller, users }
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
        // The engine replies in JSON text, `{ready, need, preview, prefetch}`, its answer as
        // `kamerzoek search --json` prints it.
        const reply = JSON.parse(guard(call));
        // What a coming query may want (the word being typed may become one that stands for
        // another): fetched and kept, with nobody waiting.
        for (const name of reply.prefetch) fetchFor(name, []).catch(() => {});
        const need = reply.need;
        if (!Array.isArray(need)) return reply.ready;
        if (reply.preview && preview) {
          // The page's own code: its failure must not fail the query.
          try { preview(reply.preview); } catch (err) { console.warn('kamerzoek: preview:', err); }
          preview = null;
        }
        // Only a round that asks for letters knows the hits: a round that waits for a term chunk
        // or positions asks for none, and must not cancel what the keystrokes before it fetch.
        if (box !== null && need.some(isLetter)) yieldLetters(asker, need);
        wantDirectories(need);
        const abort = signal ? new Promise((_, reject) => {
          if (signal.aborted) reject(aborted());
          signal.addEventListener('abort', () => reject(aborted()), { once: true });
        }) : null;
        const fetched = Promise.all(need.map(async (name) => {
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
  // A file no question waits for yet, fetched and handed over, kept for the questions to come.
  ask.prefetch = (name) => { fetchFor(name, []).catch(() => {}); };
  return ask;
}
