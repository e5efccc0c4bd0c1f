// A letter may hold a token of any length (a number of 20,000 digits, a URL): before, it came
// whole into the excerpt and made the page 203,619 px wide at 375 px. Excerpts cut long tokens,
// and the widget wraps any text it did not write, in the list and in the reader.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { test, SITE, openBrowser, pageFor, search, serve } from './harness.mjs';

const LETTERS = 'target/browser-long/letters';
let server;
before(async () => {
  rmSync(LETTERS, { recursive: true, force: true });
  mkdirSync(LETTERS, { recursive: true });
  writeFileSync(`${LETTERS}/lang.txt`, `Den Haag, 1 maart 2024\nHet getal ${'7'.repeat(20_000)} staat in de Kamerbrief.\nEen adres: https://example.org/${'pad/'.repeat(2_000)}\n`);
  writeFileSync(`${LETTERS}/kort.txt`, 'Den Haag, 2 maart 2024\nEen korte Kamerbrief.\n');
  execFileSync('target/release/kamerzoek', ['build', LETTERS, '--out', `${SITE}/long-index`, '--index-only'], { stdio: 'ignore' });
  pageFor('long.html', './long-index/');
  server = await serve();
});
after(() => server?.stop());

test('at 375 px the page stays 375 px wide with the token in a hit and in the open letter', async () => {
  const b = await openBrowser({ viewport: { width: 375, height: 800 } });
  try {
    await b.page.goto(`${server.url}long.html`);
    assert.deepEqual(await search(b.page, 'getal'), ['lang']);
    const excerpt = await b.page.locator('.excerpt').first().innerText();
    assert.ok(excerpt.length < 400, `${excerpt.length} characters`);
    const width = () => b.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(await width() <= 375, `${await width()} px`);
    await b.page.locator('[data-id="lang"]').click();
    await b.page.locator('[part=reader]').waitFor();
    assert.ok(await width() <= 375, `${await width()} px with the letter open`);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
