// The site owner's own columns of the metadata file are facets and filters, in an index large
// enough to keep its letter table apart (the page fetches and reads it): the widget shows a group
// of toggles per field with the CLI's counts, a toggle narrows the hits to the CLI's, the choice
// stays in the page's address as `f.<field>`, and a link with it opens filtered.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { test, pageFor, pageOnSite, search, settled, splitIndex, SITE } from './harness.mjs';

const { letters } = splitIndex();
const index = `${SITE}/owner-index`;
const kamerzoek = (...args) => execFileSync('target/release/kamerzoek', args, { encoding: 'utf8' });
const ids = readdirSync(letters).filter((f) => f.endsWith('.txt')).sort().map((f) => f.slice(0, -4));
// Three series by letter number, and a number of its own per letter; a value with a quote, and
// a field named as a property every JS object has, each to be taken as it is and nothing else.
const SERIES = ['Reeks A', 'Reeks B', 'Reeks "C"'];
const metadata = 'target/browser-split/owner.csv';
writeFileSync(metadata, ['id,reeks,nummer,constructor', ...ids.map((id, n) => `${id},"${SERIES[n % 3].replaceAll('"', '""')}",${1000 + n},${n % 2 ? '' : 'ja'}`)].join('\n'));
kamerzoek('build', letters, '--out', index, '--index-only', '--metadata', metadata);
const entry = readdirSync(index);
assert.ok(entry.some((f) => f.startsWith('m-')), `a letter table of its own: ${entry}`);
const name = pageFor('owner.html', './owner-index/');
const b = pageOnSite({ goto: false });
const query = 'defensie';
const cli = (...filters) => JSON.parse(kamerzoek('search', index, query, '--json', '--limit', '10', ...filters.flatMap((f) => ['--filter', f])));
const facet = (page, field, value) => page.locator(`button.facet[data-field="${field}"][data-value="${value.replaceAll('"', '\\"')}"]`);

test('each of the owner\'s fields is a group of toggles with the CLI\'s counts', async () => {
  const { page, url } = b;
  await page.goto(`${url}${name}`);
  await search(page, query);
  const { facets, total } = cli();
  assert.ok(total > 100, `${total} letters`);
  assert.deepEqual(facets.fields.map(([field]) => field), ['constructor', 'nummer', 'reeks']);
  const [, series] = facets.fields[2];
  assert.equal(series.reduce((n, v) => n + v.count, 0), total);
  for (const { value, count } of series) {
    await facet(page, 'reeks', value).waitFor();
    assert.equal(await facet(page, 'reeks', value).innerText(), `${value} (${count})`);
  }
  const label = page.locator('.facet-group[aria-label="reeks"] .facet-label');
  assert.equal(await label.innerText(), 'reeks');
  // A value per letter: the eight most common shown, the rest behind a button.
  assert.equal(await page.locator('button.facet[data-field="nummer"]').count(), 8);
});

test('a toggle narrows the hits to the CLI\'s, and the address keeps it', async () => {
  const { page } = b;
  await facet(page, 'reeks', 'Reeks "C"').click();
  const shown = await settled(page);
  const expected = cli('reeks=Reeks "C"');
  assert.deepEqual(shown, expected.hits.map((h) => h.id));
  assert.ok(shown.every((id) => ids.indexOf(id) % 3 === 2), shown.join(' '));
  assert.equal(new URL(await page.url()).searchParams.getAll('f.reeks').join('|'), 'Reeks "C"');
  assert.equal(await facet(page, 'reeks', 'Reeks "C"').getAttribute('aria-pressed'), 'true');
  // Its own group still counts the other series, to add them.
  assert.equal(await facet(page, 'reeks', 'Reeks A').innerText(), `Reeks A (${cli().facets.fields[2][1].find((v) => v.value === 'Reeks A').count})`);
  // The number's facet counts within the series chosen.
  const numbers = await page.locator('button.facet[data-field="nummer"]').evaluateAll((els) => els.map((e) => e.dataset.value));
  assert.ok(numbers.every((v) => (Number(v) - 1000) % 3 === 2), numbers.join(' '));
});

test('a field named constructor is a field like any other', async () => {
  const { page } = b;
  await facet(page, 'constructor', 'ja').click();
  const shown = await settled(page);
  assert.deepEqual(shown, cli('reeks=Reeks "C"', 'constructor=ja').hits.map((h) => h.id));
  assert.ok(shown.every((id) => ids.indexOf(id) % 6 === 2), shown.join(' '));
  assert.equal(new URL(await page.url()).searchParams.get('f.constructor'), 'ja');
});

test('a shared address opens filtered, and an owner\'s field holds with a known one', async () => {
  const { page, url } = b;
  const address = `${url}${name}?q=${query}&f.reeks=Reeks+A&f.reeks=Reeks+B&kind=verslag`;
  await page.goto(address);
  const shown = await settled(page);
  const expected = cli('reeks=Reeks A', 'reeks=Reeks B', 'kind=verslag');
  assert.ok(expected.total > 0, 'the CLI finds reports of both series');
  assert.deepEqual(shown, expected.hits.map((h) => h.id));
  assert.equal(await facet(page, 'reeks', 'Reeks B').getAttribute('aria-pressed'), 'true');
  const active = await page.locator('.filters-toggle').innerText();
  assert.equal(active, 'Filters (3)');
});

test('a field this index does not have is left out of a shared address, and said', async () => {
  const { page, url } = b;
  await page.goto(`${url}${name}?q=${query}&from=2015&f.kleur=rood&f.reeks=Reeks+A&f.kind=brief`);
  const shown = await settled(page);
  // The period and the other field stay; `f.kind` is no way to say `kind`.
  assert.deepEqual(shown, cli('reeks=Reeks A', 'from=2015').hits.map((h) => h.id));
  assert.equal(new URL(await page.url()).searchParams.get('from'), '2015');
  const status = await page.locator('[role=status]').first().innerText();
  assert.match(status, /Dit archief heeft geen filter kleur; het is weggelaten\.$/);
  assert.equal(new URL(await page.url()).searchParams.has('f.kleur'), false);
  assert.equal(new URL(await page.url()).searchParams.get('f.reeks'), 'Reeks A');
});

test('no errors', () => assert.deepEqual(b.errors, []));
