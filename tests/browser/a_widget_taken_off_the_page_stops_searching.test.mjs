import assert from 'node:assert/strict';
import { test, box, holdPositions, pageOnSite, settled } from './harness.mjs';

const browser = pageOnSite();

test('a widget taken off the page mid-query stops, tells nothing, and searches again when put back', async () => {
  const { page } = browser;
  // The phrase's positions are held back until the widget is off the page.
  const { release, held } = await holdPositions(page);
  await page.evaluate(() => {
    const widget = document.querySelector('kamer-zoek');
    window.__told = [];
    widget.addEventListener('kamerzoek-search', (e) => window.__told.push(e.detail.query));
  });
  await box(page).fill('"steun aan oekraine"');
  await page.waitForFunction(() => document.querySelector('kamer-zoek').shadowRoot
    .querySelector('[role=listbox]').getAttribute('aria-busy') === 'true');
  await page.waitForTimeout(400); // the query runs, waiting for its positions
  assert.ok(held() > 0, 'the query waits for its positions');
  await page.evaluate(() => {
    const widget = document.querySelector('kamer-zoek');
    window.__parked = widget;
    widget.remove();
  });
  release();
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => window.__told), [], 'an answer for a widget off the page is not told');
  // Put back: the query is asked again, and answered.
  await page.evaluate(() => document.querySelector('main, body').append(window.__parked));
  const ids = await settled(page);
  await page.unrouteAll();
  assert.ok(ids.length > 0, 'results once put back');
  assert.equal(await box(page).inputValue(), '"steun aan oekraine"', 'what was typed is kept');
  assert.deepEqual(await page.evaluate(() => window.__told), ['"steun aan oekraine"']);
});

test('the page logged no errors', () => {
  assert.deepEqual(browser.errors, []);
});
