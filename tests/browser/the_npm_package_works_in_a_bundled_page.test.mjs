// The npm package, as a site with a bundler uses it: packed, installed from its tarball into a
// fresh project with no network, type-checked against its declarations, bundled by esbuild,
// and searched in Chromium through both the element and the JS API.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NO_BROWSER, test, openBrowser, search, serve } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-npm-'));
const app = join(work, 'app');
const publicDir = join(app, 'public');
const bin = (tool) => resolve('node_modules/.bin', tool);
const fixture = {};

const MAIN = `import { configure, load, IndexError, type SearchResults } from 'kamerzoek';
import wasm from 'kamerzoek/kamerzoek_bg.wasm';
import stylesheet from 'kamerzoek/widget.css';

configure({ wasm, stylesheet });

declare global {
  interface Window { answer?: SearchResults; failure?: string }
}

document.querySelector('kamer-zoek')?.addEventListener('kamerzoek-search', (e) => {
  document.title = \`\${e.detail.total} for \${e.detail.query}\`;
});

const idx = await load('./idx/');
window.answer = await idx.search('patriot', { limit: 3, filters: { kind: ['agenda'] } });
try {
  await load('./nowhere/');
} catch (err) {
  window.failure = err instanceof IndexError ? err.kind : 'not an IndexError';
}
`;

before(async () => {
  const tarball = execFileSync('scripts/pack-npm.sh', [join(work, 'npm')], { encoding: 'utf8' }).trim().split('\n').at(-1);
  mkdirSync(publicDir, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'an-app', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'pipe' });
  writeFileSync(join(app, 'main.ts'), MAIN);
  writeFileSync(join(app, 'wasm.d.ts'), "declare module '*.wasm' { const url: string; export default url; }\ndeclare module '*.css' { const url: string; export default url; }\n");
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'es2022', module: 'es2022', moduleResolution: 'bundler', strict: true, noEmit: true,
      lib: ['es2022', 'dom'], skipLibCheck: false,
    },
    files: ['main.ts', 'wasm.d.ts'],
  }));
  writeFileSync(join(publicDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>an app</title><link rel="icon" href="data:,">
<script type="module" src="./dist/main.js"></script></head>
<body><kamer-zoek index="./idx/"></kamer-zoek></body></html>`);
  execFileSync('target/release/kamerzoek', ['build', 'seeds', '--out', join(publicDir, 'idx'), '--index-only'], { stdio: 'pipe' });
  fixture.server = await serve(publicDir);
  fixture.browser = await openBrowser();
});

after(async () => {
  await fixture.browser?.close();
  fixture.server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the package holds the widget, the engine, the command line, their types and nothing else', { skip: NO_BROWSER }, () => {
  const tarball = readdirSync(join(work, 'npm')).map((f) => join(work, 'npm', f))[0];
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  assert.deepEqual(files, [
    'package/README.md', 'package/bin/kamerzoek.mjs', 'package/build.d.ts', 'package/cli/kamerzoek.wasm',
    'package/dist/engine.js', 'package/dist/kamerzoek.js', 'package/dist/pkg/kamerzoek.js',
    'package/dist/pkg/kamerzoek_bg.wasm', 'package/dist/pkg/kamerzoek_bg.wasm.gz', 'package/dist/widget.css', 'package/dist/widget.js',
    'package/kamerzoek.d.ts', 'package/node/build.mjs', 'package/node/paths.mjs', 'package/node/run.mjs', 'package/node/serve.mjs',
    'package/package.json',
  ]);
  // Issue 34's bound: the command line makes the package larger, not large.
  assert.ok(statSync(tarball).size <= 4 * 1024 * 1024, `${statSync(tarball).size} bytes`);
});

test('a strict TypeScript check of a page using the API passes against the declarations', { skip: NO_BROWSER }, () => {
  try {
    execFileSync(bin('tsc'), ['-p', app], { stdio: 'pipe' });
  } catch (err) {
    assert.fail(`tsc: ${err.stdout}`);
  }
  // And the declarations catch a mistake: a wrong sort is a type error.
  writeFileSync(join(app, 'wrong.ts'), "import { load } from 'kamerzoek';\nconst i = await load('./x/');\nawait i.search('a', { sort: 'newest' });\nexport {};\n");
  writeFileSync(join(app, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }));
  assert.throws(() => execFileSync(bin('tsc'), ['-p', join(app, 'tsconfig.wrong.json')], { stdio: 'pipe' }), (err) => /newest/.test(String(err.stdout)));
});

test('esbuild bundles it, and the bundled page searches with the element and the API', async () => {
  execFileSync(bin('esbuild'), [
    join(app, 'main.ts'), '--bundle', '--format=esm', '--minify', `--outdir=${join(publicDir, 'dist')}`,
    '--loader:.wasm=file', '--loader:.css=file', '--public-path=./dist', '--log-level=warning',
  ], { cwd: app, stdio: 'pipe' });
  const { page, errors } = fixture.browser;
  const missing = [];
  page.on('response', (r) => { if (r.status() === 404) missing.push(new URL(r.url()).pathname); });
  await page.goto(fixture.server.url);
  await page.waitForFunction(() => window.answer !== undefined && window.failure !== undefined, null, { timeout: 10000 })
    .catch((err) => assert.fail(`${err.message}; the page said: ${errors.join(' | ')}`));
  const { answer, failure } = await page.evaluate(() => ({ answer: window.answer, failure: window.failure }));
  assert.ok(answer.total >= 1 && answer.hits[0].kind === 'agenda', JSON.stringify(answer).slice(0, 300));
  assert.equal(failure, 'missing');
  const ids = await search(page, 'oekraine');
  assert.ok(ids.length >= 3, ids.join(' '));
  assert.match(await page.title(), /for oekraine$/);
  // The widget's stylesheet came through the bundle: the box has its own border radius.
  const styled = await page.locator('input[type=search]').evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(styled, 'solid');
  // The one file not found is the one asked for in a folder that has no index.
  assert.deepEqual(missing, ['/nowhere/kamerzoek.idx']);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
});
