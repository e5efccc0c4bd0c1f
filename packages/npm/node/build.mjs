// `import { build } from 'kamerzoek/build'`: the build of `kamerzoek build`, for a static site
// generator's plugin. The same command line runs (`npx kamerzoek build --json`, in a process of
// its own: a long watch process keeps no file of it open, and no signal handler of it): the same
// index, byte for byte, the same checks and refusals; its report comes back as a value, its
// progress and warnings as callbacks, an error as a rejected promise with the command line's
// message.

import { closeSync, mkdtempSync, openSync, readSync, readFileSync, rmSync, writeFileSync, fstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAULT } from './run.mjs';

const CLI = fileURLToPath(new URL('../bin/kamerzoek.mjs', import.meta.url));

// How often the report's lines are read while the build runs.
const POLL_MS = 100;

/**
 * Builds an index (or a site) from a folder of letters, or from records.
 * @param {import('../build').BuildOptions} options
 * @returns {Promise<import('../build').BuildReport>}
 */
export async function build(options) {
  const { out, letters, records, onProgress, onWarning } = options ?? {};
  if (typeof out !== 'string' || out === '') throw new TypeError('kamerzoek build: `out`, the folder to write into, is required');
  if ((letters === undefined) === (records === undefined)) {
    throw new TypeError('kamerzoek build: give either `letters` (a folder of .txt letters) or `records` ({ id, text } objects)');
  }
  const work = mkdtempSync(join(tmpdir(), 'kamerzoek-build-'));
  try {
    const folder = letters ?? await writeRecords(records, join(work, 'letters'));
    const args = ['build', folder, '--out', out, '--json', ...flags(options)];
    const [stdout, stderr] = [join(work, 'report.jsonl'), join(work, 'said.txt')];
    const fds = [];
    let built = null;
    const warnings = [];
    // The first failure of the caller's callbacks (or of a line that is no JSON): the build is
    // stopped and the promise rejects with it.
    let failure = null;
    let child = null;
    let code;
    try {
      fds.push(openSync(stdout, 'w+'), openSync(stderr, 'w+'));
      const lines = reader(fds[0]);
      const take = () => {
        try {
          for (const line of lines()) {
            if (line.progress) onProgress?.(line.progress);
            if (line.warning) {
              const warning = records ? { ...line.warning, path: recordOf(line.warning.path, folder) } : line.warning;
              warnings.push(warning);
              onWarning?.(warning);
            }
            if (line.built) built = line.built;
          }
        } catch (err) {
          failure ??= err;
          child?.kill('SIGINT');
        }
      };
      const timer = setInterval(take, POLL_MS);
      try {
        child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', fds[0], fds[1]] });
        code = await new Promise((resolveCode, reject) => {
          child.on('error', reject);
          child.on('exit', (exit, signal) => resolveCode(exit ?? 128 + (signal === 'SIGINT' ? 2 : 15)));
        });
      } finally {
        clearInterval(timer);
        take();
      }
    } finally {
      fds.forEach(closeSync);
    }
    if (failure) throw failure;
    const said = readFileSync(stderr, 'utf8');
    if (code !== 0 || !built) {
      const error = said.split('\n').find((l) => l.startsWith('kamerzoek: error: ') || l.startsWith('kamerzoek: internal error: ') || l.startsWith('error: '));
      const message = error?.replace(/^kamerzoek: (error: )?/, '') ?? `the build stopped (exit code ${code})`;
      throw Object.assign(new Error(`kamerzoek build: ${message}`), { code: code === FAULT ? 'KAMERZOEK_FAULT' : 'KAMERZOEK_BUILD', exitCode: code });
    }
    const notes = said.split('\n').filter((l) => l.startsWith('kamerzoek: note: ')).map((l) => l.slice('kamerzoek: note: '.length));
    return { ...built, warnings, notes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// The command line's flags for the options given.
function flags(o) {
  const f = [];
  if (o.indexOnly) f.push('--index-only');
  if (o.demo) f.push('--demo');
  if (o.offline) f.push('--offline');
  if (o.precacheMax !== undefined) f.push('--precache-max', String(o.precacheMax));
  if (o.followLinks) f.push('--follow-links');
  if (o.synonyms !== undefined) f.push('--synonyms', o.synonyms);
  if (o.metadata !== undefined) f.push('--metadata', o.metadata);
  if (o.publishSources) f.push('--publish-sources');
  return f;
}

// Each record as `<id>.txt` in `dir`: the id is the letter's, so it must be a file name.
async function writeRecords(records, dir) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  const seen = new Set();
  for await (const record of records) {
    const { id, text } = record ?? {};
    if (typeof id !== 'string' || !/^[^/\\:*?"<>|\0]+$/.test(id) || id.startsWith('.') || id.length > 200) {
      throw new TypeError(`kamerzoek build: a record's id must be a file name (no / \\ : * ? " < > |, not starting with a dot): ${JSON.stringify(id)}`);
    }
    if (typeof text !== 'string') throw new TypeError(`kamerzoek build: record ${id}: \`text\` must be a string`);
    if (seen.has(id)) throw new TypeError(`kamerzoek build: record ${id} is given twice`);
    seen.add(id);
    // `wx`: on a file system that folds case (macOS, Windows), `A` and `a` are one file.
    try {
      writeFileSync(join(dir, `${id}.txt`), text, { flag: 'wx' });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      throw new TypeError(`kamerzoek build: record ${id} is given twice (ids that differ only in case are one file here)`);
    }
  }
  return dir;
}

// A warning's path, for a record: `record <id>`.
function recordOf(path, folder) {
  const name = path.startsWith(folder) ? path.slice(folder.length + 1) : path;
  return name.endsWith('.txt') && !name.includes('/') ? `record ${name.slice(0, -4)}` : path;
}

// The complete JSON lines written to `fd` since the last call.
function reader(fd) {
  let at = 0;
  let rest = '';
  const decoder = new StringDecoder('utf8'); // a character may be split between two reads
  return function* lines() {
    const size = fstatSync(fd).size;
    if (size <= at) return;
    const buffer = Buffer.alloc(size - at);
    const read = readSync(fd, buffer, 0, buffer.length, at);
    at += read;
    const text = rest + decoder.write(buffer.subarray(0, read));
    const parts = text.split('\n');
    rest = parts.pop();
    for (const part of parts) if (part.trim()) yield JSON.parse(part);
  };
}
