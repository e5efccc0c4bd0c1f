import assert from 'node:assert/strict';
import { test, box, pageOnSite, search, settled } from './harness.mjs';

// The five letters are dated 2022-06 (002), 2023-06 (000, 003), 2024-02 (001) and 2025-01-31 (004).
const b = pageOnSite();
const short = (ids) => ids.map((id) => id.slice(0, 3)).sort();
const tick = (page, period) => page.locator(`.tick[data-period="${period}"]`);
const pressed = (page) => page.locator('.tick[aria-pressed="true"]').evaluateAll((els) => els.map((e) => e.dataset.period));
const params = async (page) => {
  const url = new URL(await page.url());
  return Object.fromEntries(['from', 'to'].map((k) => [k, url.searchParams.get(k)]));
};

test('a bar per year, oldest first, each naming its count for screen readers', async () => {
  const { page } = b;
  assert.equal((await search(page, 'navo')).length, 5);
  const bars = await page.locator('.tick').evaluateAll((els) => els.map((e) => [e.dataset.period, e.getAttribute('aria-label')]));
  assert.deepEqual(bars, [['2022', '2022: 1 brief'], ['2023', '2023: 2 brieven'], ['2024', '2024: 1 brief'], ['2025', '2025: 1 brief']]);
  assert.equal(await page.locator('.timeline').getAttribute('aria-label'), 'Tijdlijn: brieven per jaar');
  // The tallest bar is the year with most letters.
  const heights = await page.locator('.tick .bar').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(heights[1] > heights[0] * 1.5, `${heights}`);
});

test('clicking a bar filters to its year, shows a chip and goes into the URL; the chip removes it', async () => {
  const { page } = b;
  await tick(page, '2023').click();
  assert.deepEqual(short(await settled(page)), ['000', '003']);
  assert.deepEqual(await pressed(page), ['2023']);
  assert.deepEqual(await params(page), { from: '2023', to: '2023' });
  const chip = page.locator('.range-chip');
  assert.equal((await chip.innerText()).replace(/\s+/g, ' ').trim(), '2023 ×');
  assert.equal(await chip.getAttribute('aria-label'), 'Periode 2023 verwijderen');
  // The other years stay on the timeline, to choose from.
  assert.equal(await page.locator('.tick').count(), 4);
  await chip.click();
  assert.equal((await settled(page)).length, 5);
  assert.equal(await chip.count(), 0);
  assert.deepEqual(await params(page), { from: null, to: null });
});

test('dragging over bars takes their years; clicking the chosen year again removes it', async () => {
  const { page } = b;
  const from = await tick(page, '2022').boundingBox();
  const to = await tick(page, '2023').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 10);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 10, { steps: 5 });
  await page.mouse.up();
  assert.deepEqual(short(await settled(page)), ['000', '002', '003']);
  assert.deepEqual(await pressed(page), ['2022', '2023']);
  assert.equal((await page.locator('.range-chip').innerText()).replace(/\s+/g, ' ').trim(), '2022 – 2023 ×');
  await tick(page, '2025').click();
  assert.deepEqual(short(await settled(page)), ['004']);
  await tick(page, '2025').click();
  assert.equal((await settled(page)).length, 5);
});

test('the keyboard alone: Tab to the timeline, arrows move, Enter chooses, Shift+arrow extends', async () => {
  const { page } = b;
  await box(page).focus();
  // One bar is in the tab order: the last year when none is chosen.
  const tabbable = await page.locator('.tick[tabindex="0"]').evaluateAll((els) => els.map((e) => e.dataset.period));
  assert.deepEqual(tabbable, ['2025']);
  await tick(page, '2025').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.querySelector('kamer-zoek').shadowRoot.activeElement?.dataset.period), '2024');
  await page.keyboard.press('Enter');
  assert.deepEqual(short(await settled(page)), ['001']);
  await page.keyboard.press('Shift+ArrowRight');
  assert.deepEqual(short(await settled(page)), ['001', '004']);
  assert.deepEqual(await pressed(page), ['2024', '2025']);
  // The focus stays on the timeline while it is drawn anew.
  assert.equal(await page.evaluate(() => document.querySelector('kamer-zoek').shadowRoot.activeElement?.dataset.period), '2025');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.querySelector('kamer-zoek').shadowRoot.activeElement?.dataset.period), '2022');
  await page.locator('.range-chip').click();
  await settled(page);
});

test('a range in the URL is applied on load; a bad date in it is left out, and said', async () => {
  const { page, url } = b;
  await page.goto(`${url}?q=navo&from=2024-01&to=2024-12`);
  assert.deepEqual(short(await settled(page)), ['001']);
  assert.equal((await page.locator('.range-chip').innerText()).replace(/\s+/g, ' ').trim(), 'januari 2024 – december 2024 ×');
  await tick(page, '2023').click();
  assert.deepEqual(short(await settled(page)), ['000', '003']);
  // A bad date in a hand-edited link: the search runs without it, and says so.
  await page.goto(`${url}?q=navo&from=2024-13`);
  assert.equal((await settled(page)).length, 5);
  assert.match(await page.locator('.status').innerText(), /De periode 2024-13 is geen geldige datum en is weggelaten\./);
  assert.equal(await page.locator('.range-chip').count(), 0);
});

test('hits within two years are counted per month', async () => {
  const { page, url } = b;
  await page.goto(`${url}?q=navo&kind=verslag&kind=beslisnota`);
  assert.deepEqual(short(await settled(page)), ['000', '003']);
  assert.equal(await page.locator('.timeline').getAttribute('aria-label'), 'Tijdlijn: brieven per maand');
  const bars = await page.locator('.tick').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(bars, ['jun 2023: 2 brieven']);
  await tick(page, '2023-06').click();
  assert.deepEqual(short(await settled(page)), ['000', '003']);
  assert.deepEqual(await params(page), { from: '2023-06', to: '2023-06' });
});

test('sorted by date, the list has a heading per year', async () => {
  const { page, url } = b;
  await page.goto(`${url}?q=navo&sort=-date`);
  const ids = await settled(page);
  assert.deepEqual(ids.map((id) => id.slice(0, 3)), ['004', '001', '000', '003', '002'].slice(0, ids.length));
  const groups = await page.locator('.year-group').evaluateAll((els) => els.map((g) => [
    g.querySelector('.year-heading').textContent, [...g.querySelectorAll('[data-id]')].map((e) => e.dataset.id.slice(0, 3)),
  ]));
  assert.deepEqual(groups.map(([year]) => year), ['2025', '2024', '2023', '2022']);
  assert.deepEqual(groups[2][1].sort(), ['000', '003']);
  // The keyboard still walks the hits in order across the years.
  await box(page).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('[role=option][aria-selected="true"]').getAttribute('data-id').then((id) => id.slice(0, 3)), '001');
});

test('no errors', () => assert.deepEqual(b.errors, []));
