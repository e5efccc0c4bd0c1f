// <kamer-zoek lang="en">: every label, status line, facet, button and ARIA name in English; the
// default stays Dutch. The results are the same letters in the same order.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, SITE, pageOnSite, search, settled, statusText } from './harness.mjs';

// The demo page with the element in English.
const html = readFileSync(`${SITE}/index.html`, 'utf8').replace('<kamer-zoek ', '<kamer-zoek lang="en" ');
writeFileSync(`${SITE}/english.html`, html);
const b = pageOnSite({ goto: false });

test('lang="en" speaks English: labels, status, facets, the partial line, the reader', async () => {
  const { page } = b;
  await page.goto(`${b.url}english.html`);
  const shadow = (css) => page.locator(`kamer-zoek ${css}`);
  assert.equal(await shadow('label.label').innerText(), 'Search the letters');
  assert.match(await page.locator('input[type=search]').getAttribute('placeholder'), /^e\.g\. /);
  assert.equal(await shadow('ol.results').getAttribute('aria-label'), 'Search results');
  const ids = await search(page, 'oekraine');
  assert.ok(ids.length > 0);
  assert.match(await statusText(page), /^\d+ letters found \(\d+\.\d ms\)\.$/);
  await shadow('.facet-group').first().waitFor();
  const labels = await shadow('.facet-label').allInnerTexts();
  assert.deepEqual(labels.slice(0, 2), ['Kind', 'Minister']);
  assert.equal(await shadow('.timeline').getAttribute('aria-label'), 'Timeline: letters per year');
  assert.match(await shadow('.tick').first().getAttribute('aria-label'), /^2022: 1 letter$/);
  await shadow('.tick[data-period="2023"]').click();
  await settled(page);
  assert.equal(await shadow('.range-chip').getAttribute('aria-label'), 'Remove the period 2023');
  await shadow('.range-chip').click();
  await settled(page);
  const kinds = await shadow('.facet[data-field="kind"]').allInnerTexts();
  assert.ok(kinds.some((k) => /^(Annotated agenda|Report|Decision memo) \(\d+\)$/.test(k)), kinds.join(' | '));
  // Dates in English.
  assert.match(await shadow('[data-id] .meta').first().innerText(), /(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/);
  await search(page, 'Finland lidmaatschap');
  assert.match(await statusText(page), /^No letter has every word; \d+ letters have some of them/);
  assert.match(await shadow('.missing').first().innerText(), /^missing: /);
  await search(page, 'Georgisch');
  assert.equal(await shadow('.expanded').innerText(), 'also searched for: georgië (georgisch)');
  await shadow('[data-id]').first().click();
  await shadow('mark.current').waitFor();
  assert.equal(await shadow('.back').innerText(), '← Back to the results');
  assert.equal(await shadow('.prev').getAttribute('aria-label'), 'Previous match');
  assert.match(await shadow('.match-count').innerText(), /^Match \d+ of \d+$/);
  assert.deepEqual(b.errors, []);
});

test('without lang the widget stays Dutch', async () => {
  const { page } = b;
  await page.goto(b.url);
  assert.equal(await page.locator('kamer-zoek label.label').innerText(), 'Zoek in de brieven');
  await search(page, 'oekraine');
  assert.match(await statusText(page), /brieven gevonden/);
  assert.deepEqual(b.errors, []);
});

test('a widget a script makes and then sets to English speaks English', async () => {
  const { page } = b;
  await page.goto(b.url);
  const label = await page.evaluate(async () => {
    await customElements.whenDefined('kamer-zoek');
    const made = document.createElement('kamer-zoek');
    made.setAttribute('lang', 'en');
    made.setAttribute('url-state', 'off');
    document.body.append(made);
    return made.shadowRoot.querySelector('label.label').textContent;
  });
  assert.equal(label, 'Search the letters');
  assert.deepEqual(b.errors, []);
});
