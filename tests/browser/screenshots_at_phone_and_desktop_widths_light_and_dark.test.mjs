// Screenshots of the results and the reader at 375 px and 1280 px, light and dark, written to
// target/screenshots/<engine>/ for a person to look at (each engine's, side by side). Each one also
// checks the layout: nothing wider than the viewport, the search box and the first result's
// title within the first screen, the box as wide as the widget's column allows.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { SCREENSHOTS, test, serve, openBrowser, search } from './harness.mjs';

const OUT = SCREENSHOTS;
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
        const inView = (css) => page.locator(css).first().evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
        });
        assert.ok(await inView('input[type=search]'), 'the search box is on the first screen');
        assert.ok(await inView('[data-id] .title'), "the first result's title is on the first screen");
        // On a phone the box takes the column's width (less the widget's margins), not a fixed one.
        const { box, column } = await page.locator('input[type=search]').evaluate((el) => ({
          box: el.getBoundingClientRect().width,
          column: el.getRootNode().host.getBoundingClientRect().width,
        }));
        if (width === 375) assert.ok(box >= column * 0.6, `the box is ${box} px of ${column} px`);
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
