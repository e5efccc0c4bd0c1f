// No dead ends: when no letter has every word, the page shows the letters with most of them,
// says the answer is partial, and each hit says quietly which words it lacks ("ontbreekt: ..."),
// as web search engines do. The same words the CLI's JSON gives as `missing`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test, SITE, pageOnSite, search, statusText } from './harness.mjs';

const b = pageOnSite();

test('Finland lidmaatschap: the letters with either word, each saying which it lacks', async () => {
  const { page } = b;
  const cli = JSON.parse(execFileSync('target/release/kamerzoek',
    ['search', `${SITE}/index`, 'Finland lidmaatschap', '--json']));
  assert.equal(cli.partial, true);
  const ids = await search(page, 'Finland lidmaatschap');
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
  assert.ok(ids.length >= 3, ids.join(' '));
  assert.match(await statusText(page), /^Geen brief bevat alle woorden; \d+ brieven bevatten er een deel van/);
  for (const hit of cli.hits) {
    const line = page.locator(`[data-id="${hit.id}"] .missing`);
    assert.equal(await line.innerText(), `ontbreekt: ${hit.missing.join(', ')}`);
  }
});

test('a full answer shows no "ontbreekt" line', async () => {
  const { page } = b;
  const ids = await search(page, 'navo oekraine');
  assert.ok(ids.length > 0);
  assert.equal(await page.locator('.missing').count(), 0);
  assert.doesNotMatch(await statusText(page), /Geen brief bevat alle woorden/);
  assert.deepEqual(b.errors, []);
});

test('Georgisch finds Georgië and says "ook gezocht op: georgië (georgisch)"', async () => {
  const { page } = b;
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', `${SITE}/index`, 'Georgisch', '--json']));
  assert.deepEqual(cli.expanded, [{ from: 'georgisch', to: 'georgië', why: 'derivation' }]);
  const ids = await search(page, 'Georgisch');
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
  assert.match(ids[0], /^002_/);
  assert.equal(await page.locator('.expanded').innerText(), 'ook gezocht op: georgië (georgisch)');
  // A query nothing was added to shows no such line.
  await search(page, 'Georgië');
  assert.ok(await page.locator('.expanded').isHidden());
});

test('DIP also finds the letter with only "Defence Investment Pledge", and says so; "DIP" in quotes does not', async () => {
  const { page } = b;
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', `${SITE}/index`, 'DIP', '--json']));
  assert.deepEqual(cli.expanded, [{ from: 'dip', to: 'defence investment pledge', why: 'acronym' }]);
  const ids = await search(page, 'DIP');
  assert.deepEqual(ids, cli.hits.map((h) => h.id));
  assert.ok(ids.some((id) => id.startsWith('001_')), ids.join(' '));
  assert.equal(await page.locator('.expanded').innerText(), 'ook gezocht op: defence investment pledge (dip)');
  const quoted = await search(page, '"DIP"');
  assert.ok(!quoted.some((id) => id.startsWith('001_')), quoted.join(' '));
  assert.ok(await page.locator('.expanded').isHidden());
});

test('what one word stood for is said once, together: "euro, miljoen (hoeveel)"', async () => {
  const { page } = b;
  const cli = JSON.parse(execFileSync('target/release/kamerzoek', ['search', `${SITE}/index`, 'hoeveel munitie', '--json']));
  const tos = cli.expanded.filter((e) => e.from === 'hoeveel').map((e) => e.to);
  assert.ok(tos.length >= 2, JSON.stringify(cli.expanded));
  await search(page, 'hoeveel munitie');
  assert.equal(await page.locator('.expanded').innerText(), `ook gezocht op: ${tos.join(', ')} (hoeveel)`);
  assert.deepEqual(b.errors, []);
});
