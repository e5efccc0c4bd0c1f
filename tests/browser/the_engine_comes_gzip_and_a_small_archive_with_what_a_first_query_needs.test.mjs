// What a first visit fetches when the visitor shows intent: the engine's module gzip (40% of its
// bytes where a host does not compress), which also works where the host unpacked it on the way
// or the site lacks it; and, in an archive of at most 1,024 letters, the pack directories with it
// and, as the visitor is about to type (the element's `prefetch()`), the letter table and the
// word list, where a larger archive fetches none of them before a query needs them.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SITE, box, openBrowser, pageFor, search, serve, splitIndex, test } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server?.stop());

// A fresh browser (an empty cache) on `page` of the site; the paths it requests, noted. `route`
// may answer the module's gzip as a host would.
async function visit(page, route) {
  const b = await openBrowser();
  const requests = [];
  b.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  if (route) await b.page.route((url) => url.pathname.endsWith('/pkg/kamerzoek_bg.wasm.gz'), route);
  await b.page.goto(new URL(page, server.url).href);
  return { ...b, requests };
}

const modules = (requests) => requests.filter((p) => /\/pkg\/kamerzoek_bg\.wasm(\.gz)?$/.test(p)).map((p) => p.split('/').pop());

test('the engine fetches its module gzip, once, and answers', async () => {
  const b = await visit('');
  try {
    assert.match((await search(b.page, 'patriot'))[0], /^001_/);
    assert.deepEqual(modules(b.requests), ['kamerzoek_bg.wasm.gz']);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a host that unpacked the gzip on the way (Content-Encoding) hands over the module itself, which works', async () => {
  const plain = readFileSync(`${SITE}/pkg/kamerzoek_bg.wasm`);
  const b = await visit('', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: plain }));
  try {
    assert.match((await search(b.page, 'patriot'))[0], /^001_/);
    assert.deepEqual(b.errors, []);
  } finally { await b.close(); }
});

test('a site without the gzip loads the plain module', async () => {
  const b = await visit('', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'no' }));
  try {
    assert.match((await search(b.page, 'patriot'))[0], /^001_/);
    assert.deepEqual(modules(b.requests), ['kamerzoek_bg.wasm.gz', 'kamerzoek_bg.wasm']);
    // The 404 is the browser's own console line, in engines that print one; nothing else.
    assert.deepEqual(b.errors.filter((e) => !/404|Not Found|failed to load resource/i.test(e)), []);
  } finally { await b.close(); }
});

// The index files a focus on the box fetches, once the engine has loaded, by their first letters.
async function onFocus(page, index) {
  const b = await visit(page);
  try {
    await box(b.page).focus();
    await b.page.locator('.kz:not(.loading)').waitFor();
    // What the engine asked for as it loaded has been asked for by now; give it a moment to go out.
    await b.page.waitForTimeout(300);
    const kinds = b.requests.map((p) => p.split(`/${index}/`)[1]).filter(Boolean).map((n) => n.replace(/-.*|\.kz$/, ''));
    assert.deepEqual(b.errors, []);
    return [...new Set(kinds)].sort();
  } finally { await b.close(); }
}

test('a small archive fetches its letter table, word list and pack directories when the box gets focus', async () => {
  splitIndex(); // 600 letters
  const page = pageFor('opening-small.html', './split-index/');
  assert.deepEqual(await onFocus(page, 'split-index'), ['kamerzoek.idx', 'l', 'm', 'w']);
});

test('a larger archive fetches only its entry file when the box gets focus', async () => {
  const letters = 'target/browser-opening/letters';
  const index = `${SITE}/large-index`;
  const kamerzoek = (...args) => execFileSync('target/release/kamerzoek', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (!existsSync(letters)) kamerzoek('generate', '--count', '1100', '--seed', '7', '--out', letters);
  if (!existsSync(`${index}/kamerzoek.idx`)) kamerzoek('build', letters, '--out', index, '--index-only');
  const page = pageFor('opening-large.html', './large-index/');
  assert.deepEqual(await onFocus(page, 'large-index'), ['kamerzoek.idx']);
});
