// axe-core on the page with results and with a letter open: no moderate, serious or critical
// violations.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test, serve, openBrowser, search } from './harness.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => ['moderate', 'serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' > ')} ${n.failureSummary}`).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`results and reader, ${colorScheme}`, async () => {
    const b = await openBrowser({ colorScheme });
    try {
      const { page } = b;
      await page.goto(server.url);
      await search(page, 'oekraine');
      assert.deepEqual(await violations(page), [], 'with results');
      await page.locator('[data-id]').first().click();
      await page.locator('mark.current').waitFor();
      assert.deepEqual(await violations(page), [], 'with the reader open');
      // A timeline per month (its bars say `jun 2023`), and the list in year groups.
      await page.goto(`${server.url}?q=navo&kind=verslag&kind=beslisnota&sort=-date`);
      await page.locator('.tick[data-period="2023-06"]').waitFor();
      assert.deepEqual(await violations(page), [], 'with a timeline per month, sorted by date');
    } finally {
      await b.close();
    }
  });
}
