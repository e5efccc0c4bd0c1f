// Every case of the relevance suites, typed into the page and answered by the wasm module.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageOnSite, search } from './harness.mjs';
import { loadCases, judge } from './relevance.mjs';

const browser = pageOnSite();

for (const suite of ['tests/relevance/queries.tsv', 'tests/relevance/behaviours.tsv']) {
  test(`the cases of ${suite} pass in the page`, async () => {
    const failures = [];
    for (const { query, expected, mode, what } of loadCases(suite)) {
      const ids = await search(browser.page, query);
      if (!judge(ids, expected, mode)) {
        failures.push(`${JSON.stringify(query)} [${mode} ${expected}] got ${ids.map((i) => i.slice(0, 3))}: ${what}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}

test('the page logged no errors', () => {
  assert.deepEqual(browser.errors, []);
});
