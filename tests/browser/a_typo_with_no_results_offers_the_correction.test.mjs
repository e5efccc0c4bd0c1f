import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageOnSite, search, settled, statusText } from './harness.mjs';

const b = pageOnSite();

test('"patriott madrid" finds nothing, says so, and offers "patriot madrid"', async () => {
  const { page } = b;
  assert.deepEqual(await search(page, 'patriott madrid'), []);
  assert.match(await statusText(page), /Geen brieven gevonden voor “patriott madrid”/);
  const offer = page.locator('.suggestion button');
  assert.equal(await offer.innerText(), 'patriot madrid');
  await offer.click();
  // Every word counts: patriot (001) and madrid (002) never share a letter.
  assert.deepEqual(await settled(page), []);
});

test('a typo that still finds letters offers the spelling the letters use', async () => {
  const { page } = b;
  assert.equal((await search(page, 'oekraene')).length, 5);
  assert.equal(await page.locator('.suggestion button').innerText(), 'oekraïne');
  assert.equal((await search(page, 'oekraine')).length, 5);
  assert.ok(await page.locator('.suggestion').isHidden());
  assert.deepEqual(b.errors, []);
});
