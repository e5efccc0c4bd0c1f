// What a site owner does, from outside the repository's tree: install the binary with cargo,
// build letters that are not the seeds into a folder of a site that holds an unrelated page, add
// the README's two lines to that page, serve the site with the installed `kamerzoek serve`, and
// search.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openBrowser, search, serve } from './harness.mjs';
import { SITE_FOLDER, TWO_LINES, installBinary, ownersPage } from './owner.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-owner-'));
const site = join(work, 'site');
const fixture = {};

before(async () => {
  const binary = installBinary(join(work, 'cargo'));
  ownersPage(site, 'notes.html', TWO_LINES);
  // The seventeen real documents of the dossier: not the seeds.
  execFileSync(binary, ['build', 'tests/data/real', '--out', join(site, SITE_FOLDER)], { stdio: 'pipe' });
  fixture.server = await serve(site, { binary });
  fixture.browser = await openBrowser();
});

after(async () => {
  await fixture.browser?.close();
  fixture.server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the build wrote the site into its folder and left the owner\'s page alone', () => {
  assert.deepEqual(readdirSync(site).sort(), ['notes.html', 'owner.css', SITE_FOLDER].sort());
  const written = readdirSync(join(site, SITE_FOLDER));
  assert.ok(written.includes('kamerzoek.js') && written.includes('index'), written.join(' '));
  assert.ok(!written.includes('index.html'), 'no demo page unless asked');
});

test('the owner\'s page searches, opens a letter, and hears the widget\'s events', async () => {
  const { page, errors } = fixture.browser;
  await page.goto(`${fixture.server.url}notes.html`);
  await page.evaluate(() => {
    window.heard = [];
    for (const type of ['kamerzoek-search', 'kamerzoek-open']) {
      document.addEventListener(type, (e) => window.heard.push({ type, detail: e.detail }));
    }
  });
  // r04 is the report of the committee debate on the meeting in Budapest, October 2008.
  const ids = await search(page, 'Boedapest');
  assert.ok(ids.length >= 1, 'results are shown');
  assert.match(ids[0], /^r04_/, ids.join(' '));
  await page.locator('[data-id]').first().click();
  await page.locator('mark.current').waitFor();
  const reader = await page.locator('[part~=reader]').innerText();
  assert.match(reader, /Boedapest/);
  await page.waitForFunction(() => window.heard.some((h) => h.type === 'kamerzoek-open'));
  const heard = await page.evaluate(() => window.heard);
  const searched = heard.filter((h) => h.type === 'kamerzoek-search').at(-1);
  assert.equal(searched.detail.query, 'Boedapest');
  assert.deepEqual(searched.detail.ids, ids);
  assert.equal(heard.find((h) => h.type === 'kamerzoek-open').detail.id, ids[0]);
  // The owner's page keeps its own look.
  const font = await page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily);
  assert.match(font, /Georgia/);
  assert.deepEqual(errors, []);
});
