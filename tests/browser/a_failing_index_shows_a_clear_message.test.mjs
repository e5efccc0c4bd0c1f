// When the index cannot be had (missing, or not an index), the widget says so in Dutch: what
// happened and whether trying again can help (never English engine text in a Dutch sentence,
// never "probeer het later opnieuw" for damage that stays). The technical detail goes to the
// console, for the site's owner. It tries again on the next keystroke.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { test, SITE, serve, openBrowser, search, box } from './harness.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

async function withIndex(respond, check) {
  const b = await openBrowser();
  const warnings = [];
  b.page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  try {
    await b.page.route('**/kamerzoek.idx', respond);
    await b.page.goto(server.url);
    await check(b.page, warnings);
  } finally {
    await b.close();
  }
}

const alertText = (page) => page.locator('[role=alert]').innerText();
const REBUILD = /Opnieuw proberen helpt niet; de beheerder van deze site moet de index opnieuw bouwen\./;
const ENGLISH = /corrupt|damaged|checksum|version|not found|failed|error/i;

test('a missing index: a clear message, no results, the box still usable', async () => {
  await withIndex((route) => route.fulfill({ status: 404, body: 'not found' }), async (page, warnings) => {
    assert.deepEqual(await search(page, 'patriot'), []);
    const text = await alertText(page);
    assert.match(text, /^Een deel van de zoekindex ontbreekt op de server\. Opnieuw proberen helpt niet/);
    assert.doesNotMatch(text, ENGLISH);
    assert.ok(warnings.some((w) => /kamerzoek\.idx: 404/.test(w)), warnings.join('\n'));
    assert.ok(await box(page).isEditable());
  });
});

test('a file that is not an index: the engine says what is wrong', async () => {
  await withIndex((route) => route.fulfill({ status: 200, body: '<!doctype html><p>oops</p>' }), async (page, warnings) => {
    await search(page, 'patriot');
    assert.match(await alertText(page), /^De zoekindex op deze site is beschadigd\./);
    assert.match(await alertText(page), REBUILD);
    assert.ok(warnings.some((w) => /not a kamerzoek index/.test(w)), warnings.join('\n'));
  });
});

// The entry file as stored is gzip: these change the index inside and pack it again, so the
// engine's own checks are what notice.
const entry = () => gunzipSync(readFileSync(`${SITE}/index/kamerzoek.idx`));

test('a damaged index: the widget says it is damaged and that only a rebuild helps', async () => {
  const bytes = entry();
  bytes[bytes.length >> 1] ^= 0x40;
  await withIndex((route) => route.fulfill({ status: 200, body: gzipSync(bytes) }), async (page, warnings) => {
    await search(page, 'patriot');
    assert.match(await alertText(page), REBUILD);
    assert.ok(warnings.some((w) => /index is damaged: checksum/.test(w)), warnings.join('\n'));
  });
});

test('an index of a future format version: the engine says to rebuild', async () => {
  const bytes = entry();
  bytes.writeUInt16LE(99, 4);
  await withIndex((route) => route.fulfill({ status: 200, body: gzipSync(bytes) }), async (page, warnings) => {
    await search(page, 'patriot');
    assert.match(await alertText(page), /^De zoekindex hoort bij een andere versie van de zoekfunctie\./);
    assert.match(await alertText(page), REBUILD);
    assert.ok(warnings.some((w) => /format version 99 is not supported/.test(w)), warnings.join('\n'));
  });
});

test('damaged compression: the engine says so', async () => {
  const bytes = readFileSync(`${SITE}/index/kamerzoek.idx`);
  await withIndex((route) => route.fulfill({ status: 200, body: bytes.subarray(0, bytes.length >> 1) }), async (page, warnings) => {
    await search(page, 'patriot');
    assert.match(await alertText(page), REBUILD);
    assert.ok(warnings.some((w) => /damaged gzip/.test(w)), warnings.join('\n'));
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
    // A server error may pass: this one says to try again.
    assert.match(await alertText(page), /^De zoekindex kon niet worden opgehaald\. Controleer de verbinding en probeer het opnieuw\./);
    const ids = await search(page, 'patriot');
    assert.match(ids[0], /^001_/);
    assert.equal(calls, 2);
  });
});
