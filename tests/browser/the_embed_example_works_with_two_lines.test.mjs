// www/embed-example.html, an otherwise unrelated page, embeds the widget with two lines.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, pageOnSite, search } from './harness.mjs';

// The JS server, sending the README's policy as a host does: `kamerzoek serve` leaves it to the
// owner's host.
const b = pageOnSite({ csp: true, goto: false });

test('the example holds just the two lines of kamerzoek', () => {
  const html = readFileSync('www/embed-example.html', 'utf8');
  const lines = html.split('\n').filter((line) => /kamerzoek\.js|<kamer-zoek/.test(line));
  assert.equal(lines.length, 2, lines.join('\n'));
});

test('searching in the embedded widget works, themed, and leaves the page URL alone', async () => {
  const { page } = b;
  await page.goto(`${b.url}embed-example.html`);
  const before = await page.url();
  const ids = await search(page, 'oekraine');
  assert.equal(ids.length, 5, 'limit="5" caps the list');
  assert.equal(await page.locator('input[type=search]').getAttribute('placeholder'), 'Search the letters (in Dutch)');
  const accent = await page.locator('kamer-zoek').evaluate((el) => getComputedStyle(el).getPropertyValue('--kz-accent').trim());
  assert.equal(accent, '#7a2e0e', 'the host page themes the widget');
  await page.locator('[data-id]').first().click();
  await page.locator('mark.current').waitFor();
  assert.equal(await page.url(), before, 'url-state="off"');
  assert.deepEqual(b.errors, []);
});

test('the host page hears what the visitor did: kamerzoek-search and kamerzoek-open, bubbling out of the widget', async () => {
  const { page } = b;
  await page.goto(`${b.url}embed-example.html`);
  // Listening on the document: the events bubble out of the shadow root (composed).
  await page.evaluate(() => {
    window.heard = [];
    for (const type of ['kamerzoek-search', 'kamerzoek-open']) {
      document.addEventListener(type, (e) => window.heard.push({ type, detail: e.detail, from: e.target.tagName }));
    }
  });
  const ids = await search(page, 'patriot');
  await page.waitForFunction(() => window.heard.some((h) => h.type === 'kamerzoek-search' && h.detail.query === 'patriot'));
  await page.locator('[data-id]').first().click();
  await page.waitForFunction(() => window.heard.some((h) => h.type === 'kamerzoek-open'));
  const heard = await page.evaluate(() => window.heard);
  const searched = heard.filter((h) => h.type === 'kamerzoek-search' && h.detail.query === 'patriot').at(-1);
  assert.equal(searched.from, 'KAMER-ZOEK');
  assert.deepEqual(searched.detail.ids, ids);
  assert.ok(searched.detail.total >= ids.length);
  assert.equal(searched.detail.partial, false);
  const opened = heard.find((h) => h.type === 'kamerzoek-open');
  assert.equal(opened.detail.id, ids[0]);
  assert.ok(opened.detail.title.length > 0);
  assert.deepEqual(b.errors, []);
});
