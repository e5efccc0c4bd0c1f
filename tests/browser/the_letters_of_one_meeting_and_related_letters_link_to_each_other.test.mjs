// The report (000) and the decision memo (003) of the meeting of 15 June 2023 name each other:
// in a hit, a line the pointer clicks; in the reader, buttons the keyboard reaches. The reader
// also lists the letters most like the one open ("Verwant").
import assert from 'node:assert/strict';
import { test, pageOnSite, search, settled } from './harness.mjs';

const b = pageOnSite();
const hit = (page, id) => page.locator(`[data-id^="${id}"]`);
const openId = (page) => page.evaluate(() => new URL(location.href).searchParams.get('open')?.slice(0, 3));

test('a hit says which letters are of the same meeting; clicking one opens it', async () => {
  const { page } = b;
  await search(page, 'navo');
  assert.equal((await hit(page, '000').locator('.same-meeting').innerText()).trim(), 'Zelfde vergadering: beslisnota');
  assert.equal(await hit(page, '001').locator('.same-meeting').count(), 0, 'an agenda of another meeting');
  await hit(page, '000').locator('[data-open]').click();
  await page.locator('.reader:not([hidden])').waitFor();
  assert.equal(await openId(page), '003');
  assert.match(await page.locator('#kz-reader-title').innerText(), /^Beslisnota/);
});

test('in the reader they are buttons: the keyboard opens the report from the memo, and back returns', async () => {
  const { page } = b;
  const report = page.locator('.reader .same-meeting button');
  assert.equal(await report.innerText(), 'verslag');
  assert.equal(await report.getAttribute('aria-label'), 'Verslag van juni 2023 openen');
  await report.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('open')?.startsWith('000'));
  assert.match(await page.locator('#kz-reader-title').innerText(), /^Verslag/);
  assert.equal(await page.locator('.reader .same-meeting button').innerText(), 'beslisnota');
  await page.goBack();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('open')?.startsWith('003'));
});

test('the reader lists the related letters by title and date; one opens with the keyboard', async () => {
  const { page } = b;
  const related = page.locator('.reader .related');
  assert.equal(await related.locator('h3').innerText(), 'Verwant');
  const items = await related.locator('li').allInnerTexts();
  assert.ok(items.length >= 1 && items.length <= 5, items.join(' | '));
  assert.ok(items.every((i) => /^(Geannoteerde agenda|Verslag|Beslisnota) .+ · \S.* \d{4}$/.test(i)), items.join(' | '));
  const first = related.locator('button').first();
  const title = await first.innerText();
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('kamer-zoek').shadowRoot.querySelector('#kz-reader-title').textContent === t, title);
});

test('"Per vergadering" shows the letters of one meeting as one hit, and goes into the URL', async () => {
  const { page, url } = b;
  await page.goto(url);
  assert.equal((await search(page, 'navo')).length, 5);
  await page.locator('.group-toggle').check();
  const ids = (await settled(page)).map((id) => id.slice(0, 3));
  assert.equal(ids.length, 4);
  assert.equal(ids.includes('000') && ids.includes('003'), false, 'one of the two stands for both');
  assert.match(await page.locator('.grouped').innerText(), /^met 1 andere brief van deze vergadering die ook past$/);
  assert.equal(new URL(await page.url()).searchParams.get('group'), 'meeting');
  await page.reload();
  assert.equal((await settled(page)).length, 4);
  assert.equal(await page.locator('.group-toggle').isChecked(), true);
  await page.locator('.group-toggle').uncheck();
  assert.equal((await settled(page)).length, 5);
});

test('no errors', () => assert.deepEqual(b.errors, []));
