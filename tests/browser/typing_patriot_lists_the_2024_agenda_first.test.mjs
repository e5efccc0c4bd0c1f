import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageOnSite, search, statusText } from './harness.mjs';

const browser = pageOnSite();

test('typing patriot lists the 2024 agenda (001) first, with a marked excerpt', async () => {
  const ids = await search(browser.page, 'patriot');
  assert.ok(ids.length >= 1, 'no results');
  assert.match(ids[0], /^001_/);
  const first = browser.page.locator('[data-id]').first();
  assert.match(await first.locator('mark').first().innerText(), /^patriot$/i);
  assert.equal(await first.locator('h3').innerText(), 'Geannoteerde agenda NAVO-ministers van Defensie, Brussel 15 februari 2024');
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
  assert.ok(new URL(browser.page.url()).searchParams.get('q').length <= 1000, 'the address stays short');
  await search(browser.page, 'patriot');
  assert.doesNotMatch(await statusText(browser.page), /lange zoekvraag/);
});

test('clearing the box clears the results', async () => {
  await search(browser.page, 'patriot');
  const ids = await search(browser.page, '');
  assert.deepEqual(ids, []);
});

test('the page logged no errors', () => {
  assert.deepEqual(browser.errors, []);
});
