// Screenshots of the results and the reader at 375 px and 1280 px, light and dark, written to
// target/screenshots/ for a person to look at. Each one also checks the layout: nothing wider
// than the viewport, the search box and first result visible.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test, serve, openBrowser, search } from './harness.mjs';

const OUT = 'target/screenshots';
let server;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await serve();
});

after(() => server?.stop());

for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`results and reader at ${width} px, ${colorScheme}`, async () => {
      const b = await openBrowser({ viewport: { width, height: 900 }, colorScheme });
      try {
        const { page } = b;
        await page.goto(server.url);
        const ids = await search(page, 'luchtverdediging');
        assert.ok(ids.length >= 2);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the viewport`);
        await page.screenshot({ path: `${OUT}/results-${width}-${colorScheme}.png` });
        await page.locator('[data-id]').first().click();
        await page.locator('mark.current').waitFor();
        await page.screenshot({ path: `${OUT}/reader-${width}-${colorScheme}.png` });
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
      }
    });
  }
}
