// Runs the kamerzoek command line in Node.js: the native command line's own code compiled to
// WebAssembly for WASI (`cli/kamerzoek.wasm`, scripts/build-node.sh), so its arguments, output,
// warnings, errors and exit codes are the native ones, and the index it writes is byte for byte
// the native one's. It runs in a worker thread, so that Ctrl-C (or a kill) can stop it and remove
// the work folder it made: nothing half-written is left. A trap (a panic aborts as one) is
// kamerzoek's own fault, and says so; but where the PDF reader panicked on one letter (a crafted or
// broken PDF), the module has written that file down (`src/pdf/fault.rs`) and the build runs again
// without it, which then gets the warning the native build gives: the other letters are indexed.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { guest, preopens } from './paths.mjs';

const WASM = fileURLToPath(new URL('../cli/kamerzoek.wasm', import.meta.url));
// A build's work folder in its output folder (`src/format/store/work.rs`, `.kamerzoek-build-0-N`
// under WASI, which has no process ids) and a file being written beside its place
// (`.<name>.0-N.partial`, `store.rs`).
const WORK = /^\.kamerzoek-build-\d+-\d+$|^\..+\.\d+-\d+\.partial$/;
const REPORT = 'https://github.com/kamerzoek/kamerzoek/issues';
/** The exit code of a trap: a native panic's. */
export const FAULT = 101;

/**
 * Runs `kamerzoek ARGS`; resolves with its exit code. `stdout` and `stderr` are file
 * descriptors for its output (the process's own by default); `wasm`, the module's path, is for
 * tests (one that traps).
 * @param {string[]} args
 * @param {{ stdout?: number, stderr?: number, wasm?: string }} [io]
 * @returns {Promise<number>}
 */
export function run(args, { stdout = 1, stderr = 2, wasm = WASM } = {}) {
  const out = outputFolder(args);
  const before = new Set(workFolders(out));
  // The PDFs the reader failed on, so far: the module appends to `faults`, a run reads `skip`.
  const notes = mkdtempSync(join(tmpdir(), 'kamerzoek-'));
  const faults = join(notes, 'faults');
  const skip = join(notes, 'skip');
  let skipped = 0;
  const attempt = () => new Promise((resolveCode) => {
    const env = { PWD: guest(process.cwd()), KAMERZOEK_PDF_FAULTS: guest(faults) };
    if (skipped > 0) env.KAMERZOEK_SKIP_PDFS = guest(skip);
    const worker = new Worker(new URL(import.meta.url), { workerData: { args, env, stdout, stderr, wasm } });
    let stopped = null;
    const stop = (signal) => {
      stopped = signal;
      worker.terminate();
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, stop);
    let ended = false;
    const end = (code) => {
      if (ended) return;
      ended = true;
      for (const s of signals) process.off(s, stop);
      if (code !== 0) cleanUp(out, before);
      resolveCode(code);
    };
    worker.on('message', (code) => end(code));
    worker.on('error', (err) => {
      if (newFaults(faults, skip) > 0) {
        end('again');
        return;
      }
      const text = `kamerzoek: internal error: ${err?.message ?? err}. This is a fault of kamerzoek, not of your `
        + `letters: please report it at ${REPORT} with the command you ran. No index was changed.\n`;
      try {
        writeTo(stderr, text);
      } finally {
        end(FAULT);
      }
    });
    worker.on('exit', (code) => {
      // Stopped by a signal: the shell's convention, 128 + its number.
      if (stopped) end(stopped === 'SIGINT' ? 130 : stopped === 'SIGTERM' ? 143 : 129);
      else end(code);
    });
  });
  return (async () => {
    try {
      for (;;) {
        const code = await attempt();
        if (code !== 'again') return code;
        skipped += 1;
      }
    } finally {
      rmSync(notes, { recursive: true, force: true });
    }
  })();
}

// Moves the faults a run wrote to the list the next run skips; how many there were.
function newFaults(faults, skip) {
  let lines;
  try {
    lines = readFileSync(faults, 'utf8');
  } catch {
    return 0; // none written: the fault was not the PDF reader's
  }
  rmSync(faults, { force: true });
  let known = '';
  try {
    known = readFileSync(skip, 'utf8');
  } catch {
    // nothing skipped yet
  }
  // A file skipped already that faults again is not the reader's fault: stop, never loop.
  const fresh = lines.split('\n').filter((line) => line && !known.split('\n').includes(line));
  appendFileSync(skip, fresh.map((line) => `${line}\n`).join(''));
  return fresh.length;
}

function writeTo(fd, text) {
  if (fd === 2) process.stderr.write(text);
  else if (fd === 1) process.stdout.write(text);
  else writeSync(fd, text);
}

// The folder given to `build --out`, where a build makes its work folder.
function outputFolder(args) {
  if (args[0] !== 'build') return null;
  const at = args.findIndex((a) => a === '--out' || a.startsWith('--out='));
  if (at < 0) return null;
  const value = args[at] === '--out' ? args[at + 1] : args[at].slice('--out='.length);
  return value === undefined ? null : resolve(value);
}

// A site's index is in its `index/`, its module in `pkg/`, its service worker beside it; an index
// alone is the folder itself.
function workFolders(dir) {
  if (!dir) return [];
  return [dir, join(dir, 'index'), join(dir, 'pkg'), join(dir, '..')].flatMap((folder) => {
    try {
      return readdirSync(folder).filter((name) => WORK.test(name)).map((name) => join(folder, name));
    } catch {
      return []; // not there (yet)
    }
  });
}

// Removes what this run left half-written (not another build's, which was there before).
function cleanUp(dir, before) {
  for (const path of workFolders(dir)) {
    if (!before.has(path)) rmSync(path, { recursive: true, force: true });
  }
}

async function inWorker({ args, env, stdout, stderr, wasm }) {
  // Node 20's WASI calls, made "fast" from optimized code, may run a garbage collection inside the
  // call (uvwasi reports its allocations), which frees the WASI's file table under it: the
  // process aborts (seen at 13,600 of 20,000 letters, in a rename). Without fast calls it cannot.
  setFlagsFromString('--no-turbo-fast-api-calls');
  const WASI = await quietWasi();
  const wasi = new WASI({
    version: 'preview1',
    args: ['kamerzoek', ...args.map((a) => guest(a))],
    env,
    preopens: preopens(),
    stdout,
    stderr,
    returnOnExit: true,
  });
  const module = await WebAssembly.compile(readFileSync(wasm));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  parentPort.postMessage(wasi.start(instance));
}

// Node's WASI, without the "experimental" warning it prints when loaded (Node 20 to 22): the
// user runs a command line, not an experiment. Other warnings still show.
async function quietWasi() {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning?.message ?? warning).includes('WASI')) emit.call(process, warning, ...rest);
  };
  try {
    return (await import('node:wasi')).WASI;
  } finally {
    process.emitWarning = emit;
  }
}

if (!isMainThread && workerData?.args) await inWorker(workerData);
