// What the visitor typed last wins: typing while a letter is open leaves the letter for the
// results of the new words (before, "Terug naar de resultaten" put the old query back).

import assert from 'node:assert/strict';
import { test, box, pageOnSite, search, settled } from './harness.mjs';

const b = pageOnSite();

test('type navo, open a hit, type patriot: the results and the URL are for patriot', async () => {
  const { page } = b;
  await search(page, 'navo');
  await page.locator('[data-id]').first().click();
  await page.locator('[part=reader]').waitFor();
  await box(page).fill('patriot');
  const ids = await settled(page);
  assert.match(ids[0], /^001_/);
  assert.equal(await page.locator('[part=reader]').isVisible(), false);
  assert.equal(await box(page).inputValue(), 'patriot');
  const params = new URL(await page.url()).searchParams;
  assert.equal(params.get('q'), 'patriot');
  assert.equal(params.get('open'), null);
  // Opening and closing again keeps it.
  await page.locator('[data-id]').first().click();
  await page.locator('[part=reader]').waitFor();
  await page.locator('button.back').click();
  await page.locator('[part=reader]').waitFor({ state: 'hidden' });
  assert.equal(await box(page).inputValue(), 'patriot');
  assert.deepEqual(b.errors, []);
});
