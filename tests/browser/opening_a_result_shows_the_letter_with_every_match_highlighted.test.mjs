import assert from 'node:assert/strict';
import { test, pageOnSite, search } from './harness.mjs';

const b = pageOnSite();

test('the reader shows the whole letter, every match marked, scrolled to the matched section', async () => {
  const { page } = b;
  await search(page, 'datalink');
  await page.locator('[data-id^="000"]').click();
  const reader = page.locator('[part=reader]');
  await reader.waitFor();
  assert.equal(await reader.locator('h2').innerText(), 'Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023');
  const marks = reader.locator('.letter mark');
  assert.equal(await marks.count(), 5, 'datalink: 1 in the opening, 1 in the heading, 3 in its section');
  assert.match(await reader.locator('.letter').innerText(), /Mede namens de Minister van Buitenlandse Zaken/);
  // The hit came from the section "Nationale Datalink Management Cel": the first match shown is
  // its first, in the heading, not the one in the opening.
  const current = reader.locator('mark.current');
  assert.equal(await current.getAttribute('data-match'), '1');
  assert.equal(await current.evaluate((m) => m.parentElement.tagName), 'H3');
  assert.ok(await current.isVisible());
  assert.equal(await reader.locator('.match-count').innerText(), 'Treffer 2 van 5');
});

test('next and previous step through the matches, wrapping around', async () => {
  const { page } = b;
  const reader = page.locator('[part=reader]');
  const next = reader.getByRole('button', { name: 'Volgende treffer' });
  await next.click();
  assert.equal(await reader.locator('mark.current').getAttribute('data-match'), '2');
  await next.click();
  await next.click();
  await next.click();
  assert.equal(await reader.locator('mark.current').getAttribute('data-match'), '0');
  await reader.getByRole('button', { name: 'Vorige treffer' }).click();
  assert.equal(await reader.locator('mark.current').getAttribute('data-match'), '4');
  assert.equal(await reader.locator('mark.current').count(), 1);
});

test('the link back returns to the results', async () => {
  const { page } = b;
  await page.getByRole('button', { name: '← Terug naar de resultaten' }).click();
  await page.locator('[part=reader]').waitFor({ state: 'hidden' });
  assert.ok(await page.locator('[data-id^="000"]').isVisible());
  assert.deepEqual(b.errors, []);
});
