// Every case of the relevance suites, typed into the page and answered by the wasm module.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, openBrowser, search } from './harness.mjs';
import { loadCases, judge } from './relevance.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await openBrowser();
  await browser.page.goto(server.url);
});

after(async () => {
  await browser?.close();
  server?.stop();
});

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
