// A host page with an aggressive CSS reset and a tiny root font size: the widget keeps its own
// look (its styles come from its shadow root, sizes from its own font size, inherited text
// properties set again), and its styles do not reach the page's elements of the same classes.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test, SITE, pageOnSite, search } from './harness.mjs';

writeFileSync(`${SITE}/hostile.html`, `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Hostile host</title><link rel="icon" href="./favicon.svg">
<style>
  html { font-size: 6px; }
  * { margin: 0 !important; padding: 0 !important; box-sizing: content-box !important;
      text-transform: uppercase !important; letter-spacing: 4px !important; line-height: 0.7 !important;
      font-weight: 900 !important; font-style: italic !important; text-align: right !important;
      color: red !important; visibility: visible; }
  input, button, select, label, ol, li, mark { display: none !important; }
  .label, .hint, .results { font-size: 9px; font-weight: 100 !important; }
</style>
<script type="module" src="./kamerzoek.js"></script>
</head><body>
<p class="hint" id="page-hint">the page's own hint</p>
<label class="label" id="page-label">the page's own label</label>
<kamer-zoek index="./index/" url-state="off"></kamer-zoek>
</body></html>`);

const b = pageOnSite({ goto: false });

test('the widget looks and works as itself on a page with an aggressive reset', async () => {
  const { page } = b;
  await page.goto(`${b.url}hostile.html`);
  const ids = await search(page, 'oekraine');
  assert.equal(ids.length, 5);
  const style = (css, props) => page.locator(`kamer-zoek ${css}`).first().evaluate((el, props) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, props);
  const input = await style('input[type=search]', ['display', 'font-size', 'text-transform', 'letter-spacing']);
  assert.notEqual(input.display, 'none');
  assert.ok(parseFloat(input['font-size']) >= 16, `input font ${input['font-size']}`);
  assert.equal(input['text-transform'], 'none');
  assert.equal(input['letter-spacing'], 'normal');
  const title = await style('[data-id] .title', ['font-size', 'font-style', 'text-transform', 'text-align', 'line-height']);
  assert.ok(parseFloat(title['font-size']) >= 16, `title font ${title['font-size']}`);
  assert.equal(title['font-style'], 'normal');
  assert.equal(title['text-transform'], 'none');
  // The widget's `start`, not the page's `right`: Firefox and WebKit give it as 'left', resolved
  // by their user agent style `li { text-align: match-parent }`.
  assert.ok(['start', 'left'].includes(title['text-align']), `title aligned ${title['text-align']}`);
  assert.ok(parseFloat(title['line-height']) >= 16, `line height ${title['line-height']}`);
  const box = await page.locator('kamer-zoek input[type=search]').boundingBox();
  assert.ok(box.height >= 30, `input height ${box.height}`);
  assert.deepEqual(b.errors, []);
});

test("the widget's styles do not reach the page's own elements of the same classes", async () => {
  const { page } = b;
  const own = (id) => page.locator(`#${id}`).evaluate((el) => {
    const s = getComputedStyle(el);
    return { size: s.fontSize, weight: s.fontWeight };
  });
  assert.deepEqual(await own('page-hint'), { size: '9px', weight: '100' });
  assert.equal((await own('page-label')).size, '9px');
  assert.equal(await page.locator('#page-label').evaluate((el) => getComputedStyle(el).display), 'none');
});
