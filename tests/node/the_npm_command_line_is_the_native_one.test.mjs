// `npx kamerzoek` (packages/npm/bin/kamerzoek.mjs) runs the native command line's own code,
// compiled for WASI: for the same arguments it prints the same, exits the same and writes the
// same index, byte for byte, as target/release/kamerzoek. Ctrl-C leaves nothing half-written,
// and a fault of its own says so. Needs scripts/build-node.sh and the native release build.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, FAULT } from '../../packages/npm/node/run.mjs';
import { tree } from './tree.mjs';

const NATIVE = 'target/release/kamerzoek';
const NPM = 'packages/npm/bin/kamerzoek.mjs';
const work = mkdtempSync(join(tmpdir(), 'kamerzoek-npm-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const native = (args) => spawnSync(NATIVE, args, { encoding: 'utf8' });
const npm = (args) => spawnSync('node', [NPM, ...args], { encoding: 'utf8' });


test('the same arguments print the same and exit the same', () => {
  const cases = [
    ['--help'],
    ['build', '--help'],
    ['search', '--help'],
    ['search', 'target/site/index', 'F-16', '--limit', '3'],
    ['search', 'target/site/index', 'steun aan Oekraïne', '--json'],
    ['search', 'target/site/index', 'x', '--sort', 'sideways'],
    ['search', 'seeds', 'x'],
    ['search', '/no/such/folder', 'x'],
    ['build', '/no/such/folder', '--out', join(work, 'never')],
    ['build', 'seeds', '--out', 'README.md'],
    ['serve', '/no/such/folder'],
    ['serve', 'README.md'],
    ['serve', '.', '--port', 'many'],
    ['frobnicate'],
  ];
  for (const args of cases) {
    const [a, b] = [npm(args), native(args)];
    assert.deepEqual({ stdout: a.stdout, stderr: a.stderr, status: a.status }, { stdout: b.stdout, stderr: b.stderr, status: b.status }, args.join(' '));
  }
  // Not one that says nothing: errors and hits were among them.
  assert.match(native(['search', 'seeds', 'x']).stderr, /kamerzoek: error: /);
});

test('an index and a site are byte for byte the native ones, and so is the report', () => {
  for (const flags of [['--index-only'], ['--demo', '--offline']]) {
    // Each in a folder of its own: --offline writes its service worker beside the site.
    const [a, b] = [join(work, `npm${flags[0]}`, 'site'), join(work, `native${flags[0]}`, 'site')];
    const fromNpm = npm(['build', 'seeds', '--out', a, '--json', ...flags]);
    const fromNative = native(['build', 'seeds', '--out', b, '--json', ...flags]);
    assert.equal(fromNpm.status, 0, fromNpm.stderr);
    assert.equal(fromNative.status, 0, fromNative.stderr);
    const same = (text, dir) => text.replaceAll(join(dir, '..'), 'PARENT');
    assert.equal(same(fromNpm.stdout, a), same(fromNative.stdout, b));
    assert.equal(same(fromNpm.stderr, a), same(fromNative.stderr, b));
    const built = JSON.parse(fromNpm.stdout.trim().split('\n').at(-1)).built;
    assert.equal(built.letters, 5);
    assert.ok(Object.keys(tree(a)).length >= 4);
    assert.deepEqual(tree(join(a, '..')), tree(join(b, '..')), flags.join(' '));
  }
});

test('a relative letters folder is the caller\'s, and a letter skipped is the same warning', () => {
  const letters = join(work, 'letters');
  spawnSync('cp', ['-r', 'seeds', letters]);
  writeFileSync(join(letters, 'leeg.txt'), '');
  const a = spawnSync('node', [join(process.cwd(), NPM), 'build', 'letters', '--out', 'out-npm', '--index-only'], { cwd: work, encoding: 'utf8' });
  const b = spawnSync(join(process.cwd(), NATIVE), ['build', 'letters', '--out', 'out-native', '--index-only'], { cwd: work, encoding: 'utf8' });
  assert.equal(a.status, 0, a.stderr);
  assert.match(a.stderr, /kamerzoek: warning: letters\/leeg\.txt: /);
  assert.equal(a.stderr.replaceAll('out-npm', 'OUT'), b.stderr.replaceAll('out-native', 'OUT'));
  assert.deepEqual(tree(join(work, 'out-npm')), tree(join(work, 'out-native')));
});

test('the owner\'s fields build, filter and count as natively', () => {
  const metadata = join(work, 'brieven.csv');
  writeFileSync(metadata, [
    'id,commissie,year',
    '000_679e953a95cdb28b,Defensie,2023',
    '001_dc9679a733d371f6,Defensie,2024',
    '002_98b48cd194d964b7,Buitenlandse Zaken,',
  ].join('\n'));
  const [a, b] = [join(work, 'owner-npm'), join(work, 'owner-native')];
  const built = [npm(['build', 'seeds', '--out', a, '--index-only', '--metadata', metadata]),
    native(['build', 'seeds', '--out', b, '--index-only', '--metadata', metadata])];
  assert.equal(built[1].status, 0, built[1].stderr);
  assert.match(built[1].stderr, /column "year" cannot be a field/);
  assert.equal(built[0].stderr.replace(a, 'OUT'), built[1].stderr.replace(b, 'OUT'));
  assert.deepEqual(tree(a), tree(b));
  for (const args of [['', '--filter', 'commissie=Defensie', '--json'], ['navo', '--filter', 'kleur=rood']]) {
    const [x, y] = [npm(['search', a, ...args]), native(['search', b, ...args])];
    assert.deepEqual({ stdout: x.stdout, stderr: x.stderr.replace(a, 'OUT'), status: x.status }, { stdout: y.stdout, stderr: y.stderr.replace(b, 'OUT'), status: y.status }, args.join(' '));
  }
  const answer = JSON.parse(native(['search', b, '', '--filter', 'commissie=Defensie', '--json']).stdout);
  assert.equal(answer.total, 2);
  assert.deepEqual(answer.facets.fields[0][1], [{ value: 'Defensie', count: 2 }, { value: 'Buitenlandse Zaken', count: 1 }]);
});

test('PDF letters build as natively, and a PDF the reader panics on is one warning, not a fault', () => {
  // Natively the reader's panic is caught; under WASI it aborts the module, which first writes the
  // file down, and the runner builds again without it (src/pdf/fault.rs, node/run.mjs).
  const letters = join(work, 'pdfs');
  spawnSync('mkdir', ['-p', letters]);
  for (const f of ['000_679e953a95cdb28b.pdf', 'hello.pdf', 'bad/reader-panic.pdf', 'bad/scan.pdf', 'bad/encrypted.pdf']) {
    spawnSync('cp', [join('tests/pdf/out', f), letters]);
  }
  const a = npm(['build', letters, '--out', join(work, 'pdf-npm'), '--index-only']);
  const b = native(['build', letters, '--out', join(work, 'pdf-native'), '--index-only']);
  assert.equal(a.status, 0, a.stderr);
  assert.match(a.stderr, /reader-panic\.pdf: skipped: the PDF reader failed on it \(unexpected encoding/);
  assert.equal(a.stderr.match(/reader-panic/g).length, 1, a.stderr);
  assert.match(a.stderr, /indexed 2 letters/);
  assert.equal(a.stderr.replace('pdf-npm', 'OUT'), b.stderr.replace('pdf-native', 'OUT'));
  assert.equal(a.stdout, b.stdout);
  assert.deepEqual(tree(join(work, 'pdf-npm')), tree(join(work, 'pdf-native')));
});

test('Ctrl-C stops a build: no work folder is left, and the index before it is whole', async () => {
  const letters = join(work, 'many');
  assert.equal(native(['generate', '--count', '600', '--seed', '3', '--out', letters]).status, 0);
  const out = join(work, 'stopped');
  assert.equal(npm(['build', 'seeds', '--out', out, '--index-only']).status, 0);
  const before = tree(out);
  const child = spawn('node', [NPM, 'build', letters, '--out', out, '--index-only'], { stdio: 'ignore' });
  // Stopped once its work folder is there: mid-build.
  for (let i = 0; i < 200 && !readdirSync(out).some((n) => n.startsWith('.kamerzoek-build-')); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.ok(readdirSync(out).some((n) => n.startsWith('.kamerzoek-build-')), 'the build had started');
  child.kill('SIGINT');
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 130);
  assert.deepEqual(readdirSync(out).filter((n) => n.startsWith('.')), []);
  assert.deepEqual(tree(out), before);
  assert.equal(npm(['search', out, 'oekraine', '--limit', '1']).status, 0);
});

test('a fault of kamerzoek (a trap) says so in one line, exits 101, and leaves nothing', async () => {
  // `(module (memory (export "memory") 1) (func (export "_start") unreachable))`
  const trap = join(work, 'trap.wasm');
  writeFileSync(trap, Buffer.from('0061736d01000000010401600000030201000503010001071302066d656d6f72790200065f737461727400000a05010300000b', 'hex'));
  const out = join(work, 'trapped');
  const said = join(work, 'trap.txt');
  const { openSync, closeSync } = await import('node:fs');
  const fd = openSync(said, 'w');
  const code = await run(['build', 'seeds', '--out', out], { stderr: fd, wasm: trap });
  closeSync(fd);
  assert.equal(code, FAULT);
  const lines = readFileSync(said, 'utf8').trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^kamerzoek: internal error: .*a fault of kamerzoek, not of your letters: please report it/);
  assert.ok(!existsSync(out) || readdirSync(out).length === 0);
});
