import assert from 'node:assert/strict';
import { test, box, holdPositions, pageOnSite, search, settled, statusText } from './harness.mjs';

const browser = pageOnSite();

test('typing patriot lists the 2024 agenda (001) first, with a marked excerpt', async () => {
  const ids = await search(browser.page, 'patriot');
  assert.ok(ids.length >= 1, 'no results');
  assert.match(ids[0], /^001_/);
  const first = browser.page.locator('[data-id]').first();
  assert.match(await first.locator('mark').first().innerText(), /^patriot$/i);
  assert.equal(await first.locator('h2').innerText(), 'Geannoteerde agenda NAVO-ministers van Defensie, Brussel 15 februari 2024');
});

test('the result list is aria-busy while a query runs, and not after', async () => {
  const { page } = browser;
  await page.locator('input[type=search]').fill('navo');
  assert.equal(await page.locator('[role=listbox]').getAttribute('aria-busy'), 'true');
  await search(page, 'navo');
  assert.equal(await page.locator('[role=listbox]').getAttribute('aria-busy'), 'false');
});

test('oekraine without the diaeresis finds all five letters', async () => {
  const ids = await search(browser.page, 'oekraine');
  assert.deepEqual(ids.map((id) => id.slice(0, 3)).sort(), ['000', '001', '002', '003', '004']);
  assert.match(await statusText(browser.page), /5 brieven/);
});

test('a query with no match shows an empty list and says so', async () => {
  const ids = await search(browser.page, 'xylofoonconcert');
  assert.deepEqual(ids, []);
  assert.match(await statusText(browser.page), /Geen brieven/);
});

test('a pasted page of text is searched by its start, and the status says so', async () => {
  // 400,000 characters held the page's thread for 8 s when the engine read them all.
  const pasted = 'patriot luchtverdediging '.repeat(16000);
  const ids = await search(browser.page, pasted);
  assert.match(ids[0] ?? '', /^001_/);
  assert.match(await statusText(browser.page), /Alleen het begin van deze lange zoekvraag/);
  assert.ok(new URL(await browser.page.url()).searchParams.get('q').length <= 1000, 'the address stays short');
  await search(browser.page, 'patriot');
  assert.doesNotMatch(await statusText(browser.page), /lange zoekvraag/);
});

test('clearing the box clears the results', async () => {
  await search(browser.page, 'patriot');
  const ids = await search(browser.page, '');
  assert.deepEqual(ids, []);
});

test('a query that ends while the next one waits for typing to pause leaves the list busy', async () => {
  const { page } = browser;
  await search(page, '');
  // The page's clock is held, so that the pause the widget waits for after a key lasts until the
  // test lets it pass; and the phrase's positions are held back until the visitor typed on.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  const { release, held } = await holdPositions(page);
  await box(page).fill('"de navo"');
  await page.clock.runFor(200); // the pause after typing: the phrase's query runs, and waits
  await page.waitForTimeout(300);
  assert.ok(held() > 0, 'the query waits for its positions');
  await box(page).press('End');
  await box(page).type(' patriot'); // the next query waits for the pause, which does not pass
  release(); // the first query ends now
  await page.waitForTimeout(500);
  const busy = () => page.locator('[role=listbox]').getAttribute('aria-busy');
  assert.equal(await busy(), 'true', 'a query is still to run');
  await page.clock.resume();
  const ids = await settled(page);
  await page.unrouteAll();
  assert.equal(await busy(), 'false');
  assert.match(ids[0] ?? '', /^001_/, 'the last query\'s hits');
  assert.equal(await box(page).inputValue(), '"de navo" patriot');
});

test('the page logged no errors', () => {
  assert.deepEqual(browser.errors, []);
});
