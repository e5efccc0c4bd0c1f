// Letters given as PDFs (the seeds laid out as ministry letters by tests/pdf/make-pdfs.sh) keep
// their pages: a hit says on which page its excerpt stands, as the CLI's JSON does, and the
// reader marks where each page begins.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { test, pageFor, pageOnSite, search, SITE } from './harness.mjs';

const letters = 'target/browser-pdf/letters';
const index = `${SITE}/pdf-index`;
const kamerzoek = (...args) => execFileSync('target/release/kamerzoek', args, { encoding: 'utf8' });
rmSync(letters, { recursive: true, force: true });
mkdirSync(letters, { recursive: true });
for (const f of readdirSync('tests/pdf/out').filter((f) => /^00\d_.*\.pdf$/.test(f))) {
  copyFileSync(`tests/pdf/out/${f}`, `${letters}/${f}`);
}
kamerzoek('build', letters, '--out', index, '--index-only');
const name = pageFor('pdf.html', './pdf-index/');
const b = pageOnSite({ goto: false });

test('each hit says the page its excerpt stands on, as the CLI does', async () => {
  const { page, url } = b;
  await page.goto(`${url}${name}`);
  const query = 'onderzeese infrastructuur';
  const expected = JSON.parse(kamerzoek('search', index, query, '--json', '--limit', '10')).hits;
  assert.ok(expected.length >= 2 && expected.every((h) => h.page >= 1), JSON.stringify(expected));
  assert.ok(expected.some((h) => h.page > 1), 'a match past the first page');
  await search(page, query);
  for (const hit of expected) {
    const meta = await page.locator(`[data-id="${hit.id}"] .meta`).innerText();
    assert.ok(meta.endsWith(` · p. ${hit.page}`), `${hit.id}: ${meta}`);
  }
});

test('the reader marks where each page of the letter begins', async () => {
  const { page } = b;
  const first = page.locator('[data-id="000_679e953a95cdb28b"]');
  await first.click();
  await page.locator('.reader:not([hidden])').waitFor();
  const marks = page.locator('.letter .kz-page');
  assert.deepEqual(await marks.evaluateAll((els) => els.map((e) => e.dataset.page)), ['2', '3']);
  // The third page begins with the words pdftotext puts at its top.
  const next = await marks.nth(1).evaluate((e) => e.nextSibling?.textContent ?? e.parentElement.textContent);
  assert.match(next, /offshore|infrastructuur/);
});
