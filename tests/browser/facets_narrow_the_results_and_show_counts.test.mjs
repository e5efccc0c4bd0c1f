import assert from 'node:assert/strict';
import { test, pageOnSite, search, settled } from './harness.mjs';

const b = pageOnSite();

const facet = (page, field, value) => page.locator(`button.facet[data-field="${field}"][data-value="${value}"]`);

test('choosing Verslag leaves only the report, and the counts stay for the other kinds', async () => {
  const { page } = b;
  assert.equal((await search(page, 'oekraine')).length, 5);
  assert.equal(await facet(page, 'kind', 'agenda').innerText(), 'Geannoteerde agenda (3)');
  await facet(page, 'kind', 'verslag').click();
  const ids = await settled(page);
  assert.deepEqual(ids.map((id) => id.slice(0, 3)), ['000']);
  assert.equal(await facet(page, 'kind', 'verslag').getAttribute('aria-pressed'), 'true');
  assert.equal(await facet(page, 'kind', 'agenda').innerText(), 'Geannoteerde agenda (3)');
});

test('a second value of the same field adds letters; another field narrows', async () => {
  const { page } = b;
  await facet(page, 'kind', 'agenda').click();
  assert.equal((await settled(page)).length, 4);
  await facet(page, 'minister', 'Ollongren').click();
  assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)).sort(), ['000', '001', '002']);
  await facet(page, 'minister', 'Ollongren').click();
  await facet(page, 'kind', 'agenda').click();
  await facet(page, 'kind', 'verslag').click();
  assert.equal((await settled(page)).length, 5, 'all filters off again');
});

test('the timeline stands for the years: no year chips', async () => {
  const { page } = b;
  await search(page, 'oekraine');
  assert.equal(await page.locator('button.facet[data-field="year"]').count(), 0);
  assert.equal(await page.locator('.tick').count(), 4);
});

test('no errors', () => assert.deepEqual(b.errors, []));
