// Served with default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self': the
// page loads, searches and opens a letter, and the browser reports no violation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageOnSite, search } from './harness.mjs';

const b = pageOnSite({ csp: true, goto: false });

test('the policy is sent, and search works under it', async () => {
  const { page } = b;
  const response = await page.goto(b.url);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  const ids = await search(page, 'patriot');
  assert.match(ids[0], /^001_/);
  await page.locator('[data-id]').first().click();
  await page.locator('mark.current').waitFor();
  assert.deepEqual(b.errors, [], 'no CSP violation or other error');
});
