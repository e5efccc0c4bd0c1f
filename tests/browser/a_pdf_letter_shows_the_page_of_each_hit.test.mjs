// Letters given as PDFs (the seeds laid out as ministry letters by tests/pdf/make-pdfs.sh) keep
// their pages: a hit says on which page its excerpt stands, as the CLI's JSON does, and the
// reader marks where each page begins. With the owner's metadata file, a hit shows the owner's
// fields and the reader links to the original at the page of the match (never to a script);
// with --publish-sources, to the PDF published in the index folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test, pageFor, pageOnSite, search, SITE } from './harness.mjs';

const letters = 'target/browser-pdf/letters';
const index = `${SITE}/pdf-index`;
const kamerzoek = (...args) => execFileSync('target/release/kamerzoek', args, { encoding: 'utf8' });
rmSync(letters, { recursive: true, force: true });
mkdirSync(letters, { recursive: true });
for (const f of readdirSync('tests/pdf/out').filter((f) => /^00\d_.*\.pdf$/.test(f))) {
  copyFileSync(`tests/pdf/out/${f}`, `${letters}/${f}`);
}
const metadata = 'target/browser-pdf/metadata.csv';
writeFileSync(metadata, [
  'id,url,kamerstuk',
  '000_679e953a95cdb28b,https://example.org/kst-28676-441.pdf,28676-441',
  '001_dc9679a733d371f6,javascript:alert(1),28676-450',
].join('\n'));
kamerzoek('build', letters, '--out', index, '--index-only', '--metadata', metadata, '--publish-sources');
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

test('the owner\'s fields show in the hit, and the reader links the original at the match\'s page', async () => {
  const { page } = b;
  await page.locator('.back').click();
  await search(page, '28676-441');
  const first = page.locator('[role=listbox] [data-id]').first();
  assert.equal(await first.getAttribute('data-id'), '000_679e953a95cdb28b');
  assert.equal(await first.locator('.fields').innerText(), 'kamerstuk: 28676-441');
  await search(page, 'offshore infrastructuur');
  await page.locator('[data-id="000_679e953a95cdb28b"]').click();
  await page.locator('.reader:not([hidden])').waitFor();
  // The link follows the match stepped to: `infrastructuur` stands on pages 2 and 3.
  const link = page.locator('.reader .source a');
  const pages = new Set();
  const marks = await page.locator('.letter mark').count();
  assert.ok(marks >= 2, `${marks} marks`);
  for (let i = 0; i < marks; i += 1) {
    const href = await link.getAttribute('href');
    const n = href.match(/^https:\/\/example\.org\/kst-28676-441\.pdf#page=(\d)$/)?.[1];
    assert.ok(n, href);
    assert.equal(await link.innerText(), `Origineel (PDF), p. ${n}`);
    pages.add(n);
    await page.locator('.reader .next').click();
  }
  assert.deepEqual([...pages].sort(), ['2', '3']);
  assert.equal(await page.locator('.reader .fields').innerText(), 'kamerstuk: 28676-441');
  // A javascript: address in the owner's file is no link (the build warned of it): the letter
  // links its copy published in the index folder, which the server gives as a PDF.
  await page.locator('.back').click();
  await search(page, 'patriot');
  await page.locator('[data-id="001_dc9679a733d371f6"]').click();
  await page.locator('.reader:not([hidden])').waitFor();
  assert.equal(await page.locator('.reader a[href^="javascript"]').count(), 0);
  const href = await page.locator('.reader .source a').getAttribute('href');
  assert.match(href, new RegExp(`^${b.url}pdf-index/sources/001_dc9679a733d371f6\\.pdf#page=\\d$`));
  const served = await fetch(href);
  assert.equal(served.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await served.arrayBuffer());
  assert.ok(bytes.equals(readFileSync('tests/pdf/out/001_dc9679a733d371f6.pdf')));
});
