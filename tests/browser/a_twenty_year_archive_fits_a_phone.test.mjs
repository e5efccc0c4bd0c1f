// Twenty years of letters, 20,000 of them (bench/gen-letters.py dates them 2007-2026, with
// thousands of made-up ministers): the timeline stands for the twenty years, the facets fold
// behind one button on a phone, and the first result shows without scrolling. Screenshots at 375
// and 1280 px, light and dark, go to target/screenshots/<engine>/ for a person to look at.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { SCREENSHOTS, test, SITE, openBrowser, pageFor, search, serve, settled } from './harness.mjs';

const LETTERS = 'target/browser-twenty/letters';
const OUT = SCREENSHOTS;
let server;

before(async () => {
  if (!existsSync(LETTERS)) execFileSync('python3', ['bench/gen-letters.py', '20000', LETTERS, '7']);
  execFileSync('target/release/kamerzoek', ['build', LETTERS, '--out', `${SITE}/twenty-index`, '--index-only'], { stdio: 'ignore' });
  pageFor('twenty.html', './twenty-index/');
  mkdirSync(OUT, { recursive: true });
  server = await serve(SITE);
});
after(() => server?.stop());

for (const colorScheme of ['light', 'dark']) {
  test(`at 375 x 800 px (${colorScheme}): twenty bars, the facets folded, the first result in view`, async () => {
    const b = await openBrowser({ viewport: { width: 375, height: 800 }, colorScheme });
    try {
      const { page } = b;
      await page.goto(`${server.url}twenty.html`);
      assert.equal((await search(page, 'haag')).length, 10);
      const periods = await page.locator('.tick').evaluateAll((els) => els.map((e) => e.dataset.period));
      assert.deepEqual(periods, Array.from({ length: 20 }, (_, i) => String(2007 + i)));
      assert.equal(await page.locator('.facet-group').count(), 2, 'kind and minister are there');
      assert.equal(await page.locator('.facets').isVisible(), false, 'folded');
      const toggle = page.locator('.filters-toggle');
      assert.equal(await toggle.innerText(), 'Filters');
      const first = await page.locator('[data-id] .title').first().boundingBox();
      assert.ok(first.y >= 0 && first.y + first.height <= 800, `the first title at ${first.y}..${first.y + first.height}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'nothing wider than the phone');
      await page.screenshot({ path: `${OUT}/timeline-twenty-375-${colorScheme}.png` });
      // The button opens them, and counts the filters that hold.
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.locator('button.facet[data-field="kind"][data-value="verslag"]').click();
      await settled(page);
      assert.equal(await toggle.innerText(), 'Filters (1)');
      await page.locator('.tick[data-period="2010"]').click();
      await settled(page);
      assert.equal(await toggle.innerText(), 'Filters (1)', 'the period has its own chip');
      assert.equal(await page.locator('.range-chip').isVisible(), true);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  test(`at 1280 px (${colorScheme}): the facets show, the timeline spans the years`, async () => {
    const b = await openBrowser({ viewport: { width: 1280, height: 900 }, colorScheme });
    try {
      const { page } = b;
      await page.goto(`${server.url}twenty.html`);
      await search(page, 'haag');
      assert.equal(await page.locator('.facets').isVisible(), true);
      assert.equal(await page.locator('.filters-toggle').isVisible(), false);
      const bars = await page.locator('.tick').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      assert.equal(bars.length, 20);
      assert.ok(Math.min(...bars) >= 20, `bars wide enough to hit: ${Math.min(...bars)} px`);
      // Thousands of ministers: the eight with most letters, and a button for the rest.
      const ministers = page.locator('button.facet[data-field="minister"]');
      assert.equal(await ministers.count(), 8);
      const first = await page.locator('[data-id] .title').first().boundingBox();
      assert.ok(first.y + first.height <= 900, `the first title at ${first.y}`);
      await page.screenshot({ path: `${OUT}/timeline-twenty-1280-${colorScheme}.png` });
      const more = page.locator('button[data-more="minister"]');
      const rest = Number((await more.innerText()).match(/^nog (\d+) tonen$/)?.[1]);
      assert.ok(rest > 1000, `${rest} more`);
      await more.click();
      assert.equal(await ministers.count(), 8 + rest);
      assert.equal(await more.count(), 0);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });
}
