// Index files are unpacked in the page. A crafted file of a few kilobytes can unpack to
// gigabytes (before: 3.2 GB of memory for a 1 MB file, on every keystroke). The page stops
// unpacking at the bound FORMAT.md sets for the entry file, and at the bound the entry file
// states for every other file, and says the index is damaged.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test, openBrowser, search, serve } from './harness.mjs';

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

// `megabytes` of zeros, packed: about a thousandth of that.
const bomb = (megabytes) => gzipSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });

async function withRoute(pattern, body, check) {
  const b = await openBrowser();
  const warnings = [];
  b.page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  try {
    await b.page.route(pattern, (route) => route.fulfill({ status: 200, body }));
    await b.page.goto(server.url);
    await check(b.page, warnings);
  } finally {
    await b.close();
  }
}

test('an entry file that unpacks past 16 MB is refused as damaged', async () => {
  const body = bomb(64);
  assert.ok(body.length < 128 * 1024);
  await withRoute('**/kamerzoek.idx', body, async (page, warnings) => {
    await search(page, 'patriot');
    assert.match(await page.locator('[role=alert]').innerText(), /beschadigd/);
    assert.ok(warnings.some((w) => /unpacks to more than/.test(w)), warnings.join('\n'));
  });
});

test('a positions file that unpacks past what the entry file states is refused as damaged', async () => {
  await withRoute('**/index/p-*.kz', bomb(8), async (page, warnings) => {
    assert.equal((await search(page, 'patriot'))[0].slice(0, 3), '001');
    assert.deepEqual(await search(page, '"militaire mobiliteit"'), []);
    assert.match(await page.locator('[role=alert]').innerText(), /beschadigd/);
    assert.ok(warnings.some((w) => /unpacks to more than the index says its files are \(\d+ bytes\)/.test(w)), warnings.join('\n'));
  });
});
