// The URL holds the query, the filters, the order and the open letter: a shared link shows the
// same, and the browser's back button goes from a letter to the results.

import assert from 'node:assert/strict';
import { test, box, openBrowser, pageOnSite, search, settled } from './harness.mjs';

const b = pageOnSite({ goto: false });

test('typing, filtering and sorting are written to the URL', async () => {
  const { page } = b;
  await page.goto(b.url);
  await search(page, 'patriot');
  await page.locator('select').selectOption('-date');
  await settled(page);
  await page.locator('button.facet[data-field=kind][data-value=agenda]').click();
  await settled(page);
  const params = new URL(await page.url()).searchParams;
  assert.equal(params.get('q'), 'patriot');
  assert.equal(params.get('sort'), '-date');
  assert.deepEqual(params.getAll('kind'), ['agenda']);
});

test('opening a letter adds a history entry; Back returns to the results', async () => {
  const { page } = b;
  await page.locator('[data-id^="001"]').click();
  await page.locator('[part=reader]').waitFor();
  assert.match(new URL(await page.url()).searchParams.get('open'), /^001_/);
  await page.goBack();
  await page.locator('[part=reader]').waitFor({ state: 'hidden' });
  assert.equal(new URL(await page.url()).searchParams.get('open'), null);
  assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)), ['001']);
  await page.goForward();
  await page.locator('[part=reader]').waitFor();
});

test('a shared link opens with the same search and the same letter', async () => {
  const fresh = await openBrowser();
  try {
    const { page } = fresh;
    await page.goto(`${b.url}?q=oekraine&kind=verslag&kind=agenda&sort=date&open=000_679e953a95cdb28b`);
    await page.locator('[part=reader]').waitFor();
    assert.equal(await page.locator('#kz-reader-title').innerText(), 'Verslag NAVO-ministers van Defensie, Brussel 15-16 juni 2023');
    assert.ok(await page.locator('.letter mark').count() > 10);
    assert.equal(await box(page).inputValue(), 'oekraine');
    await page.getByRole('button', { name: '← Terug naar de resultaten' }).click();
    assert.deepEqual((await settled(page)).map((id) => id.slice(0, 3)), ['002', '000', '001', '004']);
    assert.equal(new URL(await page.url()).searchParams.get('open'), null);
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.close();
  }
});

test('no errors', () => assert.deepEqual(b.errors, []));
