// Served with exactly the policy the README gives site owners (read from the README): the page
// loads, searches and opens a letter, and the browser reports no violation (an earlier demo page
// had a data: icon that only a looser test policy allowed).

import assert from 'node:assert/strict';
import { test, README_CSP, pageOnSite, search } from './harness.mjs';

// The JS server, sending the policy as a host does: `kamerzoek serve` leaves it to the owner's host.
const b = pageOnSite({ csp: true, goto: false });

test('the policy is sent, and search works under it', async () => {
  const { page } = b;
  const response = await page.goto(b.url);
  assert.equal(response.headers()['content-security-policy'], README_CSP);
  assert.match(README_CSP, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'$/);
  const ids = await search(page, 'patriot');
  assert.match(ids[0], /^001_/);
  await page.locator('[data-id]').first().click();
  await page.locator('mark.current').waitFor();
  assert.deepEqual(b.errors, [], 'no CSP violation or other error');
});
