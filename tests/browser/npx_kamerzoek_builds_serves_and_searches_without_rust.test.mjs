// A site owner with Node.js and no Rust: the packed npm package, installed into an empty folder
// on a PATH with node and npm but no cargo or rustc, builds the five letters with
// `npx kamerzoek build` into the index the native command line writes, byte for byte; a static
// site generator (Eleventy, from npm) builds them through `kamerzoek/build` as docs/building.md
// shows; `npx kamerzoek serve` serves the site and the search answers in the browser as the
// native command line does.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test, openBrowser, search, serve } from './harness.mjs';
import { tree } from '../node/tree.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-npx-'));
const app = join(work, 'app');
const native = join(work, 'native');
const fixture = {};

// A PATH of node, npm and npx alone, and of the system's tools where they hold no Rust.
function pathWithoutRust() {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  const npmBin = dirname(execFileSync('which', ['npm'], { encoding: 'utf8' }).trim());
  for (const tool of ['node', 'npm', 'npx']) symlinkSync(resolve(npmBin, tool), join(bin, tool));
  const system = ['/usr/bin', '/bin'].filter((dir) => !['cargo', 'rustc'].some((t) => exists(join(dir, t))));
  return [bin, ...system].join(':');
}

const exists = (path) => { try { statSync(path); return true; } catch { return false; } };


// The config docs/building.md shows, as an owner would copy it.
function eleventyConfig() {
  const doc = readFileSync('docs/building.md', 'utf8');
  const block = /```js\n(\/\/ eleventy\.config\.mjs[\s\S]*?)```/.exec(doc);
  assert.ok(block, 'docs/building.md shows an Eleventy config');
  return block[1];
}

let env;
before(async () => {
  const tarball = execFileSync('scripts/pack-npm.sh', [join(work, 'npm')], { encoding: 'utf8' }).trim().split('\n').at(-1);
  env = { HOME: work, PATH: pathWithoutRust(), npm_config_cache: join(work, 'npm-cache') };
  assert.notEqual(spawnSync('sh', ['-c', 'command -v cargo || command -v rustc'], { env }).status, 0, 'no Rust on this PATH');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'a-site', private: true, type: 'module' }));
  cpSync('seeds', join(app, 'letters'), { recursive: true });
  // Eleventy from the registry, kamerzoek from its tarball: as an owner installs them.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', tarball, '@11ty/eleventy@3'], { cwd: app, env, stdio: 'pipe' });
  execFileSync('target/release/kamerzoek', ['build', 'seeds', '--out', native], { stdio: 'pipe' });
});

after(async () => {
  await fixture.browser?.close();
  fixture.server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('npx kamerzoek build writes the site the native command line writes, byte for byte', () => {
  const built = spawnSync('npx', ['kamerzoek', 'build', 'letters', '--out', 'public/zoeken'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stderr, /^indexed 5 letters into public\/zoeken\/index /m);
  assert.doesNotMatch(built.stderr, /experimental/i);
  assert.deepEqual(tree(join(app, 'public/zoeken')), tree(native));
});

test('Eleventy builds it through kamerzoek/build, as docs/building.md shows', () => {
  writeFileSync(join(app, 'eleventy.config.mjs'), eleventyConfig());
  writeFileSync(join(app, 'index.md'), '<link rel="icon" href="data:,">\n\n# Brieven\n\n<script type="module" src="/zoeken/kamerzoek.js"></script>\n<kamer-zoek></kamer-zoek>\n');
  const built = spawnSync('npx', ['@11ty/eleventy'], { cwd: app, env, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr + built.stdout);
  assert.match(built.stdout, /kamerzoek: 5 letters/);
  assert.deepEqual(tree(join(app, '_site/zoeken')), tree(native));
});

test('npx kamerzoek serve serves the site, and the search answers as the native command line does', async () => {
  fixture.server = await serve(join(app, '_site'), { binary: join(app, 'node_modules/.bin/kamerzoek') });
  fixture.browser = await openBrowser();
  const { page, errors } = fixture.browser;
  await page.goto(fixture.server.url);
  const ids = await search(page, 'patriot');
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', native, 'patriot', '--json'], { encoding: 'utf8' }));
  assert.ok(ids.length > 0);
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
  assert.deepEqual(errors, []);
});
