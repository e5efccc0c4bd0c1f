// An archive is browsed as well as searched. With `browse`, the widget shows the newest letters
// and the whole archive's timeline before anything is typed; in a split index that costs the
// entry file and the letter table, no letter. Without it, nothing loads until the visitor
// searches, and a box cleared with Escape lists nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, SITE, box, pageOnSite, search, settled, splitIndex } from './harness.mjs';

const { index: INDEX } = splitIndex();
const site = pageOnSite({ goto: false });

// A copy of the demo page whose widget browses the index folder `index`.
function browsingPage(name, index) {
  const html = readFileSync(`${SITE}/index.html`, 'utf8')
    .replace('<kamer-zoek index="./index/">', `<kamer-zoek browse index="${index}">`);
  assert.ok(html.includes(' browse '), 'the demo page has its element');
  writeFileSync(`${SITE}/${name}`, html);
  return name;
}

test('browse: the newest letters first, before anything is typed, with the timeline', async () => {
  const { page } = site;
  await page.goto(new URL(browsingPage('browse.html', './index/'), site.url).href);
  const ids = await settled(page);
  assert.deepEqual(ids.map((id) => id.slice(0, 3)), ['004', '001', '000', '003', '002']);
  // The CLI browses the same way.
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', `${SITE}/index`, '', '--json']));
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
  assert.equal(await box(page).inputValue(), '');
  await page.locator('.timeline').waitFor();
  assert.deepEqual(site.errors, []);
});

test('browse in a split index fetches the entry file and the letter table, no letter', async () => {
  const { page } = site;
  const requests = [];
  const listen = (request) => {
    const name = new URL(request.url()).pathname.split('/split-index/')[1];
    if (name) requests.push(name);
  };
  page.on('request', listen);
  await page.goto(new URL(browsingPage('browse-split.html', './split-index/'), site.url).href);
  const ids = await settled(page);
  page.off('request', listen);
  assert.equal(ids.length, 10);
  assert.ok(requests.includes('kamerzoek.idx'), requests.join(' '));
  assert.ok(requests.some((r) => r.startsWith('m-')), requests.join(' '));
  // The directory of the packs of a small archive comes with the engine (where its letters
  // lie, for a first query); no letter, no chunk.
  const packs = requests.filter((r) => r.startsWith('l-') && !/\/h\d+\.kz$/.test(r));
  assert.deepEqual([...packs, ...requests.filter((r) => r.startsWith('t-'))], [], requests.join(' '));
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', INDEX, '', '--json', '--limit', '10']));
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
});

test('without browse nothing loads before a search, and a cleared box lists nothing', async () => {
  const { page } = site;
  const entries = [];
  const listen = (request) => { if (request.url().endsWith('/kamerzoek.idx')) entries.push(request.url()); };
  page.on('request', listen);
  await page.goto(site.url);
  await page.waitForTimeout(300);
  assert.deepEqual(entries, [], 'the index waits for the visitor');
  assert.ok((await search(page, 'oekraine')).length > 0);
  await box(page).press('Escape');
  assert.deepEqual(await settled(page), []);
  page.off('request', listen);
});
