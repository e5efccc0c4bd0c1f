// Without a mouse: / focuses the box, arrows move through the results, Enter opens, Escape
// closes the letter and then clears the box. The combobox says which result is active.

import assert from 'node:assert/strict';
import { test, box, pageOnSite, settled } from './harness.mjs';

const b = pageOnSite();

test('/ focuses the search box from anywhere on the page', async () => {
  const { page } = b;
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await box(page).evaluate((input) => input.matches(':focus')), true);
  await page.keyboard.type('oekraine');
  assert.equal((await settled(page)).length, 5);
  assert.equal(await box(page).inputValue(), 'oekraine', 'the slash itself is not typed');
});

test('arrow keys move the active result, announced by aria-activedescendant', async () => {
  const { page } = b;
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await box(page).getAttribute('aria-activedescendant');
  const second = page.locator('[role=option]').nth(1);
  assert.equal(active, await second.getAttribute('id'));
  assert.equal(await second.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('[role=option][aria-selected=true]').count(), 1);
  assert.equal(await page.locator('[role=option]').first().getAttribute('aria-selected'), 'true');
});

test('Enter opens the active result; Escape closes it and returns to the box', async () => {
  const { page } = b;
  const id = await page.locator('[role=option]').first().getAttribute('data-id');
  await page.keyboard.press('Enter');
  const reader = page.locator('[part=reader]');
  await reader.waitFor();
  assert.ok(new URL(await page.url()).searchParams.get('open') === id);
  await page.keyboard.press('Escape');
  await reader.waitFor({ state: 'hidden' });
  await settled(page);
  assert.equal(await box(page).evaluate((input) => input.matches(':focus')), true);
});

test('Escape in the box clears it and the results', async () => {
  const { page } = b;
  await page.keyboard.press('Escape');
  assert.equal(await box(page).inputValue(), '');
  assert.deepEqual(await settled(page), []);
  assert.deepEqual(b.errors, []);
});
