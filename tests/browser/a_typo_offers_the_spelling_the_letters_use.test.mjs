import assert from 'node:assert/strict';
import { test, pageOnSite, search, settled, statusText } from './harness.mjs';

const b = pageOnSite();

test('"patriott madrid": no letter has both, so the letters with either, and the correction', async () => {
  const { page } = b;
  // patriot (001) and madrid (002) never share a letter: no dead end, the letters with either.
  assert.deepEqual((await search(page, 'patriott madrid')).map((id) => id.slice(0, 3)).sort(), ['001', '002']);
  assert.match(await statusText(page), /^Geen brief bevat alle woorden/);
  const offer = page.locator('.suggestion button');
  assert.equal(await offer.innerText(), 'patriot madrid');
  await offer.click();
  assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)).sort(), ['001', '002']);
  assert.equal(await page.locator('[data-id^="001"] .missing').innerText(), 'ontbreekt: madrid');
  assert.equal(await page.locator('[data-id^="002"] .missing').innerText(), 'ontbreekt: patriot');
});

test('a typo that still finds letters offers the spelling the letters use', async () => {
  const { page } = b;
  assert.equal((await search(page, 'oekraene')).length, 5);
  assert.equal(await page.locator('.suggestion button').innerText(), 'oekraïne');
  assert.equal((await search(page, 'oekraine')).length, 5);
  assert.ok(await page.locator('.suggestion').isHidden());
  assert.deepEqual(b.errors, []);
});
