// Visitors who never search download no wasm and no index; a visitor who searches downloads each
// once, however many queries and letters follow; and sees that it is loading.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, serve, openBrowser, search, statusText } from './harness.mjs';

let server;
let b;
const requests = [];
before(async () => {
  server = await serve();
  b = await openBrowser();
  b.page.on('request', (request) => requests.push(new URL(request.url()).pathname));
});
after(async () => {
  await b?.close();
  server?.stop();
});

const count = (suffix) => requests.filter((path) => path.endsWith(suffix)).length;
// The engine's module, gzip as the engine fetches it (or plain, were the gzip missing).
const modules = () => requests.filter((path) => /\/kamerzoek_bg\.wasm(\.gz)?$/.test(path)).length;

test('loading the page fetches neither the wasm nor the index', async () => {
  await b.page.goto(server.url);
  await b.page.waitForLoadState('networkidle');
  assert.equal(modules(), 0);
  assert.equal(count('kamerzoek.idx'), 0);
});

test('focusing the box starts loading, with a visible loading state', async () => {
  const { page } = b;
  await page.route('**/kamerzoek.idx', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  await page.locator('input[type=search]').focus();
  assert.match(await statusText(page), /wordt geladen/);
  assert.ok(await page.locator('.kz.loading').count() === 1);
  await page.locator('.kz:not(.loading)').waitFor();
  assert.match(await statusText(page), /Zoek in 5 brieven/);
});

test('many queries and an opened letter fetch each file once', async () => {
  const { page } = b;
  for (const q of ['patriot', 'oekraine', 'lucht']) await search(page, q);
  // The five letters' index is one file but for word positions, which only phrases read.
  assert.equal(count('.kz'), 0);
  const positions = () => requests.filter((path) => /\/p-[0-9a-f]{12}\.kz$/.test(path));
  await search(page, '"militaire mobiliteit"');
  const fetched = positions();
  assert.ok(fetched.length >= 1, 'a phrase fetches positions');
  await search(page, '"militaire mobiliteit" patriot');
  await page.locator('[data-id]').first().click();
  await page.locator('mark.current').waitFor();
  assert.deepEqual(positions(), fetched);
  assert.equal(new Set(fetched).size, fetched.length);
  assert.equal(modules(), 1);
  assert.equal(count('kamerzoek_bg.wasm.gz'), 1, 'the module comes gzip');
  assert.equal(count('kamerzoek.idx'), 1);
  assert.deepEqual(b.errors, []);
});
