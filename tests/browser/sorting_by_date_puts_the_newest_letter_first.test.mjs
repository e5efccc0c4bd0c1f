import assert from 'node:assert/strict';
import { test, pageOnSite, search, settled } from './harness.mjs';

const b = pageOnSite();

test('newest first, oldest first, and back to relevance', async () => {
  const { page } = b;
  const byRelevance = await search(page, 'oekraine');
  await page.locator('select').selectOption('-date');
  assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)), ['004', '001', '000', '003', '002']);
  await page.locator('select').selectOption('date');
  assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)), ['002', '000', '003', '001', '004']);
  await page.locator('select').selectOption('relevance');
  assert.deepEqual(await settled(page), byRelevance);
  assert.deepEqual(b.errors, []);
});
