// When the index cannot be had (missing, or not an index), the widget says so in words, and
// tries again on the next keystroke.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SITE, serve, openBrowser, search, box } from './harness.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

async function withIndex(respond, check) {
  const b = await openBrowser();
  try {
    await b.page.route('**/kamerzoek.idx', respond);
    await b.page.goto(server.url);
    await check(b.page);
  } finally {
    await b.close();
  }
}

test('a missing index: a clear message, no results, the box still usable', async () => {
  await withIndex((route) => route.fulfill({ status: 404, body: 'not found' }), async (page) => {
    assert.deepEqual(await search(page, 'patriot'), []);
    const alert = page.locator('[role=alert]');
    assert.match(await alert.innerText(), /De zoekindex kon niet worden geladen \(.*kamerzoek\.idx: 404.*\)/);
    assert.ok(await box(page).isEditable());
  });
});

test('a file that is not an index: the engine says what is wrong', async () => {
  await withIndex((route) => route.fulfill({ status: 200, body: '<!doctype html><p>oops</p>' }), async (page) => {
    await search(page, 'patriot');
    assert.match(await page.locator('[role=alert]').innerText(), /not a kamerzoek index/);
  });
});

// The entry file as stored is gzip: these change the index inside and pack it again, so the
// engine's own checks are what notice.
const entry = () => gunzipSync(readFileSync(`${SITE}/index/kamerzoek.idx`));

test('a damaged index: the engine says it is damaged', async () => {
  const bytes = entry();
  bytes[bytes.length >> 1] ^= 0x40;
  await withIndex((route) => route.fulfill({ status: 200, body: gzipSync(bytes) }), async (page) => {
    await search(page, 'patriot');
    assert.match(await page.locator('[role=alert]').innerText(), /index is damaged: checksum/);
  });
});

test('an index of a future format version: the engine says to rebuild', async () => {
  const bytes = entry();
  bytes.writeUInt16LE(99, 4);
  await withIndex((route) => route.fulfill({ status: 200, body: gzipSync(bytes) }), async (page) => {
    await search(page, 'patriot');
    assert.match(await page.locator('[role=alert]').innerText(), /format version 99 is not supported.*rebuild/);
  });
});

test('damaged compression: the engine says so', async () => {
  const bytes = readFileSync(`${SITE}/index/kamerzoek.idx`);
  await withIndex((route) => route.fulfill({ status: 200, body: bytes.subarray(0, bytes.length >> 1) }), async (page) => {
    await search(page, 'patriot');
    assert.match(await page.locator('[role=alert]').innerText(), /index is corrupt: damaged gzip/);
  });
});

test('a server that unpacks the index itself (Content-Encoding: gzip) works as well', async () => {
  const bytes = readFileSync(`${SITE}/index/kamerzoek.idx`);
  const headers = { 'content-encoding': 'gzip', 'content-type': 'application/octet-stream' };
  await withIndex((route) => route.fulfill({ status: 200, body: bytes, headers }), async (page) => {
    assert.match((await search(page, 'patriot'))[0] ?? 'nothing', /^001_/);
  });
});

test('after a failure the next keystroke tries again', async () => {
  let calls = 0;
  await withIndex((route) => (++calls === 1 ? route.fulfill({ status: 503, body: '' }) : route.continue()), async (page) => {
    await box(page).focus(); // the first load, which fails
    assert.match(await page.locator('[role=alert]').innerText(), /503/);
    const ids = await search(page, 'patriot');
    assert.match(ids[0], /^001_/);
    assert.equal(calls, 2);
  });
});
