// `import { build } from 'kamerzoek/build'` (packages/npm/node/build.mjs): the command line's
// build as a function: the same index, byte for byte, its report as a value, its progress and
// warnings as callbacks, its refusals as rejected promises with the command line's message.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../packages/npm/node/build.mjs';
import { tree } from './tree.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-api-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));


const nativeBuilt = (args) => {
  const run = spawnSync('target/release/kamerzoek', ['build', ...args, '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)).built;
};

test('a folder of letters: the native index, the native report, and its progress', async () => {
  const out = join(work, 'site');
  const progress = [];
  const report = await build({ letters: 'seeds', out, onProgress: (p) => progress.push(p) });
  const native = join(work, 'native-site');
  const expected = nativeBuilt(['seeds', '--out', native]);
  assert.deepEqual(tree(out), tree(native));
  assert.deepEqual({ ...report, index: 'I' }, { ...expected, index: 'I', warnings: [], notes: [] });
  assert.equal(report.letters, 5);
  assert.ok(report.sizes.some((s) => s.file === 'index/kamerzoek.idx' && s.gzip > 0));
  assert.ok(progress.length > 0 && progress.every((p) => p.pass && p.done <= p.of), JSON.stringify(progress));
});

test('records: the index of the same letters as files, and a warning that names the record', async () => {
  const records = readdirSync('seeds').filter((f) => f.endsWith('.txt'))
    .map((f) => ({ id: f.slice(0, -4), text: readFileSync(join('seeds', f), 'utf8') }));
  const heard = [];
  const out = join(work, 'records');
  const report = await build({ records: [...records, { id: 'leeg', text: ' \n' }], out, indexOnly: true, onWarning: (w) => heard.push(w) });
  const native = join(work, 'native-index');
  nativeBuilt(['seeds', '--out', native, '--index-only']);
  assert.deepEqual(tree(out), tree(native));
  assert.equal(report.warnings.length, 1);
  assert.equal(report.warnings[0].path, 'record leeg');
  assert.deepEqual(heard, report.warnings);
});

test('what the command line refuses, the API rejects with its message; bad records before anything runs', async () => {
  await assert.rejects(build({ letters: join(work, 'nowhere'), out: join(work, 'x') }), (err) => {
    assert.equal(err.code, 'KAMERZOEK_BUILD');
    assert.match(err.message, /^kamerzoek build: .*nowhere: No such file or directory$/);
    return true;
  });
  writeFileSync(join(work, 'a-file'), 'mine');
  await assert.rejects(build({ letters: 'seeds', out: join(work, 'a-file') }), /not a folder to write the site into/);
  assert.equal(readFileSync(join(work, 'a-file'), 'utf8'), 'mine');
  await assert.rejects(build({ records: [{ id: '../escape', text: 'x' }], out: join(work, 'y') }), TypeError);
  await assert.rejects(build({ records: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }], out: join(work, 'y') }), /given twice/);
  await assert.rejects(build({ letters: 'seeds', records: [], out: join(work, 'y') }), TypeError);
  await assert.rejects(build({ letters: 'seeds' }), TypeError);
});

test('a build leaves the calling process as it was: no file open, no signal handler; a callback that throws rejects', async () => {
  const open = () => readdirSync('/proc/self/fd').length;
  const before = { fds: open(), sigint: process.listenerCount('SIGINT') };
  for (let i = 0; i < 3; i++) await build({ letters: 'seeds', out: join(work, 'again'), indexOnly: true });
  assert.deepEqual({ fds: open(), sigint: process.listenerCount('SIGINT') }, before);
  const thrown = new Error('the plugin failed');
  await assert.rejects(build({ letters: 'seeds', out: join(work, 'thrown'), indexOnly: true, onProgress: () => { throw thrown; } }), (err) => err === thrown);
  assert.equal(open(), before.fds);
});
