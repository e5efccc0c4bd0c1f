// On an index split into many files, one file that cannot be had does not cost the whole answer:
// a letter's file that is missing (404) leaves out that hit and says the answer is incomplete,
// and the next query tries it again; a missing positions file leaves phrases unmarked; a file
// whose server sends nothing is given up after 20 s, as a missing one. A file that is damaged, or
// a page sent in its place, fails the query, and the results of the query before are never left on screen
// as its answer. On a slow server, the files a query typed key by key fetches are shared and
// kept (the next keystroke's query needs them), the letters of a query for other words are
// cancelled, and the last query's answer is the one shown.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { test, box, openBrowser, pageFor, search, serve, settled, splitIndex, statusText } from './harness.mjs';

let server;
let split;
before(async () => {
  split = splitIndex();
  pageFor('split.html', './split-index/');
  server = await serve();
});
after(() => server?.stop());

async function withPage(check) {
  const b = await openBrowser();
  try {
    await b.page.goto(`${server.url}split.html?q=`);
    await check(b.page, b.errors);
  } finally {
    await b.close();
  }
}

const shown = (page) => page.locator('[data-id]:visible').evaluateAll((els) => els.map((el) => el.dataset.id));

test('a missing letter file: the other hits are shown, with a note; the next query tries again', async () => {
  const expected = split.cli('luchtverdediging').hits.map((h) => h.id);
  // The second query (the word whole, not a prefix) shows the missing letter too.
  const again = split.cli('luchtverdediging ').hits.map((h) => h.id);
  const gone = expected.find((id) => again.includes(id));
  const { path, range } = split.where(gone);
  await withPage(async (page) => {
    let asked = 0;
    // Its bytes in its pack cannot be had; where it lies and the other letters can.
    await page.route((url) => url.pathname.includes('/split-index/l-') && url.pathname.endsWith(path), (route) => {
      if (route.request().headers().range !== range) return route.continue();
      asked += 1;
      return route.fulfill({ status: 404, body: 'not found' });
    });
    const ids = await search(page, 'luchtverdediging');
    assert.deepEqual(ids, expected.filter((id) => id !== gone));
    assert.match(await statusText(page), /brieven gevonden .*Niet alle delen van de zoekindex konden worden geladen/);
    assert.equal(asked, 1);
    // The file is back: the next query asks for it again and shows it.
    await page.unrouteAll();
    assert.deepEqual(await search(page, 'luchtverdediging '), again);
    assert.doesNotMatch(await statusText(page), /onvolledig/);
  });
});

test('a missing positions file: a phrase finds nothing but says why; letters still open', async () => {
  await withPage(async (page, errors) => {
    await page.route((url) => /\/split-index\/p-/.test(url.pathname), (route) => route.fulfill({ status: 404 }));
    assert.deepEqual(await search(page, '"militaire mobiliteit"'), []);
    assert.match(await statusText(page), /Niet alle delen van de zoekindex konden worden geladen/);
    const ids = await search(page, 'luchtverdediging');
    await page.locator(`[data-id="${ids[0]}"]`).click();
    await page.locator('[part=reader]').waitFor();
    assert.ok((await page.locator('.letter mark').count()) > 0, 'words are marked; phrases need positions');
    // The browser reports each 404 itself; nothing else went wrong.
    assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  });
});

test('a damaged file fails the query, and the results of the query before are gone', async () => {
  await withPage(async (page) => {
    assert.ok((await search(page, 'luchtverdediging')).length > 0);
    // A positions file whose checksum no longer matches.
    const name = readdirSync(split.index).find((f) => f.startsWith('p-'));
    const bytes = gunzipSync(readFileSync(`${split.index}/${name}`));
    bytes[bytes.length >> 1] ^= 0x40;
    await page.route((url) => /\/split-index\/p-/.test(url.pathname), (route) => route.fulfill({ status: 200, body: gzipSync(bytes) }));
    assert.deepEqual(await search(page, '"militaire mobiliteit"'), []);
    assert.equal(await page.locator('[role=alert]').count(), 1);
    assert.match(await page.locator('[role=alert]').innerText(), /beschadigd/);
    assert.equal(await page.locator('[data-id]').count(), 0, 'no result of the query before');
  });
});

test('a directory of packs that names bytes a pack has not, or a damaged letter, fails the query as damaged', async () => {
  const [first] = split.cli('patriot').hits.map((h) => h.id);
  const { path, range } = split.where(first);
  const folder = readdirSync(split.index).find((f) => f.startsWith('l-'));
  // The directory (the headers of packs 0 to 15, back to back), with the offsets of the pack of
  // that letter all moved past the pack's end: still ascending, so only the server can tell.
  const directory = gunzipSync(readFileSync(`${split.index}/${folder}/h0.kz`));
  let at = 0;
  for (let p = 0; p < Number(path.match(/\d+/)[0]); p++) at += 20 + 4 * directory.readUInt32LE(at + 8);
  for (let i = 1; i <= directory.readUInt32LE(at + 8); i++) {
    directory.writeUInt32LE(directory.readUInt32LE(at + 12 + 4 * i) + 10_000_000, at + 12 + 4 * i);
  }
  // The letter's own bytes, one flipped: its gzip or its seal fails.
  const [start, end] = range.slice('bytes='.length).split('-').map(Number);
  const letter = Buffer.from(readFileSync(`${split.index}/${folder}${path}`).subarray(start, end + 1));
  letter[letter.length >> 1] ^= 0x40;
  for (const [what, answer] of [['directory', (r) => (r === undefined ? directory : null)], ['letter', (r) => (r === range ? letter : null)]]) {
    await withPage(async (page) => {
      if (what === 'directory') {
        await page.route((url) => url.pathname.endsWith(`${folder}/h0.kz`), (route) => route.fulfill({ body: directory }));
      }
      await page.route((url) => url.pathname.endsWith(`${folder}${path}`), (route) => {
        const body = answer(route.request().headers().range);
        return body ? route.fulfill({ status: 206, body }) : route.continue();
      });
      assert.deepEqual(await search(page, 'patriot'), [], what);
      assert.match(await page.locator('[role=alert]').innerText(), /beschadigd/, what);
    });
  }
});

test('a page sent in place of a letter (a login page, as 200) fails that query, and is not kept as the letter pack', async () => {
  const expected = split.cli('patriot').hits.map((h) => h.id);
  const again = split.cli('patriot ').hits.map((h) => h.id);
  const { path, range } = split.where(expected[0]);
  assert.ok(again.includes(expected[0]));
  await withPage(async (page) => {
    let sent = 0;
    // A lapsed sign-in: the host answers the letter's request with a page of its own, once.
    await page.route((url) => url.pathname.includes('/split-index/l-') && url.pathname.endsWith(path), (route) => {
      if (route.request().headers().range !== range || sent > 0) return route.continue();
      sent += 1;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Sign in</title><form></form>' });
    });
    assert.deepEqual(await search(page, 'patriot'), []);
    assert.match(await page.locator('[role=alert]').innerText(), /beschadigd/);
    assert.equal(sent, 1);
    // The letters of that pack are asked for again, not cut from the page that came.
    assert.deepEqual(await search(page, 'patriot '), again);
  });
});

test('a file whose server sends nothing: after 20 s the query answers without it, and the next query asks again', async () => {
  const again = split.cli('luchtverdediging ').hits.map((h) => h.id);
  await withPage(async (page) => {
    await box(page).focus();
    await settled(page);
    // The term chunks' connection stays open and silent until the test lets it go.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    let stalled = 0;
    await page.route((url) => /\/split-index\/t-[0-9a-f]+\.kz$/.test(url.pathname), async (route) => {
      stalled += 1;
      await held;
      await route.abort().catch(() => {}); // the page gave up on it before
    });
    const started = Date.now();
    await box(page).fill('luchtverdediging');
    await page.locator('[role=listbox][aria-busy="true"]').waitFor({ state: 'attached' });
    await page.locator('[role=listbox][aria-busy="false"]').waitFor({ state: 'attached', timeout: 60_000 });
    const waited = Date.now() - started;
    release();
    assert.ok(stalled > 0, 'the query waited for a term chunk');
    assert.ok(waited >= 19_000 && waited < 40_000, `answered after ${waited} ms`);
    assert.match(await statusText(page), /Niet alle delen van de zoekindex konden worden geladen/);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    assert.deepEqual(await search(page, 'luchtverdediging '), again);
  });
});

test('on a slow server, typing key by key fetches each file once, keeps what it fetched, and shows the last answer', async () => {
  const query = 'patriot -f16 vilnius';
  const expected = split.cli(query).hits.map((h) => h.id);
  await withPage(async (page, errors) => {
    await box(page).focus();
    await settled(page); // the entry file, served at full speed
    const requested = [];
    const aborted = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    page.on('requestfailed', (r) => aborted.push(`${r.url()} ${r.failure()?.errorText}`));
    await page.route((url) => /\/split-index\/[a-z]-/.test(url.pathname), async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => {}); // cancelled meanwhile
    });
    await box(page).pressSequentially(query, { delay: 120 });
    await page.locator('[role=listbox][aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await shown(page), expected);
    // Each keystroke's query wanted the chunks the one before had asked for: they were shared,
    // fetched to the end (none cancelled) and asked for once.
    const chunks = requested.filter((p) => /\/[tp]-[0-9a-f]+\.kz$/.test(p));
    assert.ok(chunks.length > 0, requested.join('\n'));
    assert.equal(new Set(chunks).size, chunks.length, chunks.join('\n'));
    assert.deepEqual(aborted.filter((a) => /\/[tp]-/.test(a)), []);
    assert.deepEqual(errors, []);
  });
});

// On a page whose index is loaded: the directory of the packs comes at once, the letters in them
// slowly; `query` is typed, and asks for its letters. What the page cancels is noted.
async function slowLetters(page, query) {
  await box(page).focus();
  await settled(page);
  const aborted = [];
  page.on('requestfailed', (r) => aborted.push(`${r.url()} ${r.headers().range} ${r.failure()?.errorText}`));
  const letters = [];
  await page.route((url) => /\/split-index\/l-/.test(url.pathname), async (route) => {
    if (/\/h\d+\.kz$/.test(new URL(route.request().url()).pathname)) return route.continue();
    letters.push(route.request().url());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {}); // cancelled meanwhile
  });
  await box(page).fill(query);
  for (let i = 0; i < 100 && letters.length === 0; i++) await page.waitForTimeout(50);
  assert.ok(letters.length > 0, `${query} asked for its letters`);
  return { aborted };
}

test('on a slow server, searching for other words cancels the letters the query before was fetching', async () => {
  const expected = split.cli('vilnius').hits.map((h) => h.id);
  await withPage(async (page, errors) => {
    const { aborted } = await slowLetters(page, 'patriot');
    await box(page).fill('vilnius');
    await page.locator('[role=listbox][aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await shown(page), expected);
    const patriot = split.cli('patriot').hits.filter((h) => !expected.includes(h.id)).map((h) => split.where(h.id).range);
    const cancelled = aborted.filter((a) => patriot.some((range) => a.includes(` ${range} `)));
    assert.ok(cancelled.length > 0, `patriot's own letters cancelled: ${aborted.join('\n')}`);
    assert.ok(cancelled.every((a) => /ERR_ABORTED/.test(a)), cancelled.join('\n'));
    assert.deepEqual(errors, []);
  });
});

test('on a slow server, a keystroke that changes the hits cancels the letters only the query before wanted; one that keeps them keeps them', async () => {
  // `nav` and `navo` share no hit; `pat` and `patriot` the same ten.
  for (const [before, after, changes] of [['nav', 'navo', true], ['pat', 'patriot', false]]) {
    const expected = split.cli(after).hits.map((h) => h.id);
    const earlier = split.cli(before).hits.map((h) => h.id);
    assert.equal(earlier.some((id) => !expected.includes(id)), changes, `${before} -> ${after}`);
    await withPage(async (page, errors) => {
      const { aborted } = await slowLetters(page, before);
      // Typed on: the query before runs on unseen, as its letters may be the next one's.
      await box(page).fill(after);
      await page.locator('[role=listbox][aria-busy="false"]').waitFor({ timeout: 60_000 });
      assert.deepEqual(await shown(page), expected);
      const only = earlier.filter((id) => !expected.includes(id)).map((id) => split.where(id).range);
      const cancelled = aborted.filter((a) => only.some((range) => a.includes(` ${range} `)));
      if (changes) {
        assert.ok(cancelled.length > 0, `${before}'s own letters cancelled: ${aborted.join('\n')}`);
        assert.ok(cancelled.every((a) => /ERR_ABORTED/.test(a)), cancelled.join('\n'));
      }
      const kept = expected.map((id) => split.where(id).range);
      assert.deepEqual(aborted.filter((a) => kept.some((range) => a.includes(` ${range} `))), [], `${after}'s letters go on`);
      assert.deepEqual(errors, []);
    });
  }
});

test('on a slow server, a keystroke whose query first waits for a term chunk cancels none of the letters of the query before', async () => {
  const after = 'patriot luchtverdediging';
  const expected = split.cli(after).hits.map((h) => h.id);
  const shared = split.cli('patriot').hits.map((h) => h.id).filter((id) => expected.includes(id));
  assert.ok(shared.length > 0, 'the two queries share hits');
  await withPage(async (page, errors) => {
    const { aborted } = await slowLetters(page, 'patriot');
    const chunks = [];
    page.on('request', (r) => { if (/\/t-[0-9a-f]+\.kz$/.test(new URL(r.url()).pathname)) chunks.push(r.url()); });
    await box(page).fill(after);
    await page.locator('[role=listbox][aria-busy="false"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await shown(page), expected);
    assert.ok(chunks.length > 0, `${after} waited for a term chunk first`);
    // Its first round knew no hits yet: the letters it shares with `patriot` went on.
    const kept = shared.map((id) => split.where(id).range);
    assert.deepEqual(aborted.filter((a) => kept.some((range) => a.includes(` ${range} `))), []);
    assert.deepEqual(errors, []);
  });
});

test('on a slow server, a small archive shows a query\'s hits with titles and dates at once, and their excerpts when the letters come', async () => {
  const expected = split.cli('vilnius').hits;
  assert.ok(expected.length > 1);
  await withPage(async (page, errors) => {
    // A first query brings the letter table (for the facets), which holds the titles.
    const before = await search(page, 'navo');
    await page.locator('[part=facet]').first().waitFor();
    await page.evaluate(() => {
      window.heard = [];
      for (const type of ['kamerzoek-preview', 'kamerzoek-search', 'kamerzoek-open']) {
        document.addEventListener(type, (e) => window.heard.push({ type, detail: e.detail }));
      }
    });
    await page.route((url) => /\/split-index\/l-/.test(url.pathname), async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => {});
    });
    await box(page).fill('vilnius');
    // Before any letter came: every hit, in the CLI's order, with its title and date.
    await page.locator('.excerpt.pending').first().waitFor({ timeout: 1400 });
    assert.equal(await page.locator('[role=listbox]').getAttribute('aria-busy'), 'true');
    const early = await page.locator('[data-id]').evaluateAll((els) => els.map((el) => ({
      id: el.dataset.id, title: el.querySelector('.title').textContent, excerpt: el.querySelector('.excerpt').textContent,
    })));
    assert.deepEqual(early.map((h) => h.id), expected.map((h) => h.id));
    assert.deepEqual(early.map((h) => h.title), expected.map((h) => h.title));
    // A letter the query before showed is here: its excerpt is; the others' are still coming.
    assert.ok(early.some((h) => !before.includes(h.id)), 'vilnius shows letters navo did not');
    for (const h of early) assert.equal(h.excerpt !== '', before.includes(h.id), h.id);
    // The second row chosen with the arrow keys stays chosen when the excerpts come.
    await box(page).press('ArrowDown');
    await box(page).press('ArrowDown');
    assert.equal(await page.locator('[data-id][aria-selected="true"]').getAttribute('data-id'), expected[1].id);
    assert.equal(await page.locator('[role=status]').getAttribute('aria-busy'), 'true', 'the count is said once, with the answer');
    // Then the excerpts, the same hits in the same order.
    await page.locator('[role=listbox][aria-busy="false"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(await shown(page), expected.map((h) => h.id));
    assert.equal(await page.locator('.excerpt.pending').count(), 0);
    const marked = await page.locator('[data-id] .excerpt mark').count();
    assert.ok(marked >= expected.length, `every excerpt marks the word: ${marked}`);
    assert.equal(await page.locator('[role=status]').getAttribute('aria-busy'), 'false');
    assert.equal(await page.locator('[data-id][aria-selected="true"]').getAttribute('data-id'), expected[1].id);
    const heard = await page.evaluate(() => window.heard);
    assert.deepEqual(heard.map((h) => h.type), ['kamerzoek-preview', 'kamerzoek-search']);
    assert.deepEqual(heard[0].detail.ids, heard[1].detail.ids);
    await page.unrouteAll();
    await box(page).press('Enter');
    // Enter opens the chosen row's letter.
    await page.waitForFunction(() => window.heard.some((h) => h.type === 'kamerzoek-open'));
    const opened = await page.evaluate(() => window.heard.find((h) => h.type === 'kamerzoek-open').detail);
    assert.equal(opened.id, expected[1].id);
    assert.deepEqual(errors, []);
  });
});
