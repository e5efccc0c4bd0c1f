// An excerpt shows what was asked: chosen by the rarest words of the query, never for its
// function and question words, which are never marked, in a hit or in the open letter.

import assert from 'node:assert/strict';
import { test, pageOnSite, search } from './harness.mjs';

const site = pageOnSite();

test('a question typed in Dutch marks its subject, not its de, over and wat', async () => {
  const { page } = site;
  const ids = await search(page, 'wat zei de minister over luchtverdediging');
  assert.ok(ids.length > 0);
  const marks = await page.locator('[data-id] mark').allInnerTexts();
  const marked = new Set(marks.map((m) => m.toLowerCase()));
  assert.ok(marked.has('luchtverdediging'), [...marked].join(' '));
  for (const word of ['wat', 'zei', 'de', 'over']) assert.ok(!marked.has(word), [...marked].join(' '));
  // Every hit's excerpt holds the rarest word where its letter has it.
  const first = page.locator(`[data-id="${ids[0]}"]`);
  assert.match(await first.innerText(), /luchtverdediging/i);
  // The open letter marks the same words.
  await first.click();
  await page.locator('.reader mark').first().waitFor();
  const reader = await page.locator('.reader mark').allInnerTexts();
  assert.ok(reader.length > 0, 'the letter has marks');
  assert.ok(reader.every((m) => !['de', 'over', 'wat'].includes(m.toLowerCase())), reader.join(' '));
  assert.deepEqual(site.errors, []);
});
