// `cargo package` holds everything a build from the package needs: the package, unpacked away
// from the repository and installed with cargo, gives a binary that writes the same site as the
// one built in the tree (a crate cannot compile its own wasm when installed: the prebuilt web
// assets must be in it).

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NO_BROWSER, test } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-crate-'));
after(() => rmSync(work, { recursive: true, force: true }));

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

test('the crate, unpacked and installed, writes the same site as the tree\'s binary', { skip: NO_BROWSER }, (t) => {
  // The tree's web assets may be rebuilt and not committed yet: package them as they are.
  execFileSync('cargo', ['package', '--allow-dirty', '--no-verify', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const version = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }))
    .packages.find((p) => p.name === 'kamerzoek').version;
  const crate = join('target', 'package', `kamerzoek-${version}.crate`);
  execFileSync('tar', ['xzf', crate, '-C', work]);
  const unpacked = join(work, `kamerzoek-${version}`);
  const listed = files(unpacked);
  assert.ok(listed.includes('www/dist/pkg/kamerzoek_bg.wasm'), listed.join(' '));
  assert.ok(!listed.some((f) => f.startsWith('tests/') || f.startsWith('bench/')), 'no test data or benchmark');
  // Installed as from a registry: its own folder, no repository around it, compiled afresh (a
  // target folder shared between runs keeps build-script output whose inputs' times the package
  // does not change: a stale fold table once failed the build here).
  const started = Date.now();
  execFileSync('cargo', ['install', '--path', unpacked, '--locked', '--root', join(work, 'root'), '--target-dir', join(work, 'target')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  t.diagnostic(`cargo install of the package took ${Math.round((Date.now() - started) / 1000)} s`);
  const installed = join(work, 'root', 'bin', 'kamerzoek');
  execFileSync(installed, ['build', 'seeds', '--out', join(work, 'from-crate'), '--demo'], { stdio: 'pipe' });
  execFileSync('target/release/kamerzoek', ['build', 'seeds', '--out', join(work, 'from-tree'), '--demo'], { stdio: 'pipe' });
  const ours = files(join(work, 'from-tree'));
  assert.deepEqual(files(join(work, 'from-crate')), ours);
  for (const f of ours) {
    assert.ok(readFileSync(join(work, 'from-crate', f)).equals(readFileSync(join(work, 'from-tree', f))), f);
  }
});
