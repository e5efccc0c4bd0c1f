// `kamerzoek build --offline`: after one visit, the owner's page and its search work with the
// server gone. Two archives: five letters, stored whole on the first visit (any query works
// offline), and 400 letters over the store's limit, stored file by file as the visitor searches
// (what they searched before works offline).

import { after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, openBrowser, search, serve, statusText } from './harness.mjs';
import { OFFLINE_LINE, SITE_FOLDER, TWO_LINES, ownersPage } from './owner.mjs';

const work = mkdtempSync(join(tmpdir(), 'kamerzoek-offline-'));
after(() => rmSync(work, { recursive: true, force: true }));

const kamerzoek = (...args) => execFileSync('target/release/kamerzoek', args, { stdio: 'pipe' });

// The version of the worker the last build wrote into `site`.
const version = (site) => readFileSync(join(site, 'kamerzoek-sw.js'), 'utf8').match(/version:"([^"]+)"/)[1];

// The seeds without the 2024 agenda (001), the only letter that names Patriot missiles.
function fourLetters() {
  const letters = join(work, 'four');
  cpSync('seeds', letters, { recursive: true, filter: (f) => !/\/001_[^/]*$/.test(f) });
  return letters;
}

// Waits until the page's worker is the one of the site's last build, with its store filled.
async function workerOfLastBuild(page, site) {
  const want = version(site);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration(location.href))?.update());
  await page.waitForFunction(async (v) => (await caches.keys()).some((k) => k.endsWith(`:${v}`)), want, { timeout: 15000 });
}

// Builds `letters` into a site with the owner's page, serves it, opens the page once online and
// waits until the service worker controls it and has stored the page. Returns the open browser
// and a function that cuts the network (stops the server).
async function firstVisit(name, letters, buildArgs) {
  const site = join(work, name);
  ownersPage(site, 'notes.html', [...TWO_LINES, OFFLINE_LINE]);
  kamerzoek('build', letters, '--out', join(site, SITE_FOLDER), '--offline', ...buildArgs);
  const server = await serve(site);
  const browser = await openBrowser();
  const { page } = browser;
  await page.goto(`${server.url}notes.html`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.waitForFunction(async () => (await caches.match(location.href, { ignoreSearch: true })) !== undefined);
  let up = true;
  // Stops the server, and waits until nothing answers at its address any more.
  const cut = async () => {
    if (up) server.stop();
    up = false;
    for (let i = 0; i < 50; i++) {
      if (await fetch(server.url).then(() => false, () => true)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server still answers');
  };
  return { browser, page, site, url: `${server.url}notes.html`, cut };
}

test('five letters: stored whole on the first visit, every query works offline', async () => {
  const { browser, page, url, cut } = await firstVisit('small', 'seeds', []);
  try {
    const online = await search(page, 'patriot');
    assert.ok(online.length >= 1);
    await cut();
    await page.goto(url);
    assert.equal(await page.locator('h1').innerText(), 'Notes on defence policy', 'the page itself, from the store');
    assert.deepEqual(await search(page, 'patriot'), online, 'what was searched before');
    const fresh = await search(page, 'oekraine');
    assert.ok(fresh.length >= 3, `a query never typed online finds letters too: ${fresh}`);
    await page.locator('[data-id]').first().click();
    await page.locator('mark.current').waitFor();
    assert.deepEqual(browser.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to fetch/.test(e)), []);
  } finally {
    await browser.close();
    await cut();
  }
});

test('400 letters over the limit: what was searched before works offline, a new word does not hang', async () => {
  const letters = join(work, 'letters');
  kamerzoek('generate', '--from', 'seeds', '--count', '400', '--seed', '3', '--out', letters);
  const { browser, page, url, cut } = await firstVisit('large', letters, ['--precache-max', '10K']);
  try {
    const online = await search(page, 'luchtverdediging');
    assert.ok(online.length >= 1);
    await page.locator('[data-id]').first().click();
    await page.locator('mark.current').waitFor();
    await cut();
    await page.goto(url);
    assert.deepEqual(await search(page, 'luchtverdediging'), online, 'the same hits from the stored files');
    await page.locator('[data-id]').first().click();
    await page.locator('mark.current').waitFor();
    // A word whose chunk may never have been fetched: the widget settles and says something.
    await page.keyboard.press('Escape');
    await search(page, 'zzzzonbekend');
    assert.ok((await statusText(page)).length > 0);
  } finally {
    await browser.close();
    await cut();
  }
});

test('a new build reaches an online visitor at once, and is what they search offline next', async () => {
  const { browser, page, site, url, cut } = await firstVisit('update', fourLetters(), []);
  try {
    assert.deepEqual(await search(page, 'patriot'), [], 'the first build has no Patriot letter');
    kamerzoek('build', 'seeds', '--out', join(site, SITE_FOLDER), '--offline');
    await page.goto(url);
    const online = await search(page, 'patriot');
    assert.equal(online.length, 1, 'the new build, not the stored one');
    await workerOfLastBuild(page, site);
    await cut();
    await page.goto(url);
    assert.equal(await page.locator('h1').innerText(), 'Notes on defence policy', 'the page outlives the old store');
    assert.deepEqual(await search(page, 'patriot'), online);
  } finally {
    await browser.close();
    await cut();
  }
});

test('a build without --offline retires the worker: the visitor\'s browser drops it and its stores', async () => {
  const { browser, page, site, url, cut } = await firstVisit('retire', 'seeds', []);
  try {
    await search(page, 'patriot');
    assert.ok((await page.evaluate(() => caches.keys())).length >= 1);
    kamerzoek('build', 'seeds', '--out', join(site, SITE_FOLDER));
    await page.goto(url);
    // The load may have fetched the retiring worker already, which unregisters itself: Firefox then
    // rejects this update ("the registration has been uninstalled"), which is the outcome sought.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration(location.href))?.update().catch(() => {}));
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0
      && (await caches.keys()).length === 0, null, { timeout: 15000 });
    await page.goto(url);
    assert.equal((await search(page, 'patriot')).length, 1, 'the search works as before, online');
  } finally {
    await browser.close();
    await cut();
  }
});
