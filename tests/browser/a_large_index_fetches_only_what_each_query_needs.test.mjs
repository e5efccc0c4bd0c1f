// A large archive is split: the page loads the entry file, then only the chunks a query's words
// live in and the letters it shows (each by its range of bytes in its pack of 64 letters, after
// the directory of 16 packs' headers, which a small archive's engine fetches as it loads);
// positions for phrases, the letter table for facets, the word list for typos and the id list
// for opening an unseen letter only when asked for. Every answer equals the CLI's on the same index.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test, openBrowser, pageOnSite, serve, splitIndex, staticServer } from './harness.mjs';

const { letters: LETTERS, index: INDEX, cli } = splitIndex();
// The page, opened once; every request for a file of the split index is noted from the first
// call on.
const site = pageOnSite();
let requests = [];
let listening = false;

function api(call, ...args) {
  if (!listening) {
    site.page.on('request', (request) => {
      const url = new URL(request.url());
      const path = url.pathname.split('/split-index/')[1];
      // A letter asked for by its own URL carries its member (`0.kz?3`).
      const name = path === undefined ? undefined : path + url.search;
      const range = request.headers().range;
      requests.push(range ? `${name} ${range}` : name);
    });
    listening = true;
  }
  requests = [];
  return site.page.evaluate(async ([method, params]) => {
    const { load } = await import('./kamerzoek.js');
    const idx = await load('./split-index/');
    return idx[method](...params);
  }, [call, args]);
}

const fetched = (prefix) => requests.filter((name) => name?.startsWith(prefix));
// A letter pack is asked for in ranges only: each letter in it, where the directory of its 16
// packs (`h0.kz`) says it lies; never its own header (from byte 0).
const headers = () => fetched('l-').filter((r) => / bytes=0-\d+$/.test(r));
const letters = () => fetched('l-').filter((r) => / bytes=[1-9]\d*-\d+$/.test(r));
const directories = () => fetched('l-').filter((r) => /\/h\d+\.kz$/.test(r));
const withoutScores = (r) => ({ ...r, hits: r.hits.map(({ score, ...hit }) => ({ ...hit, score: Math.fround(score) })) });

test('the index is split into many files, its 600 letters into 10 packs', () => {
  const files = readdirSync(INDEX);
  assert.ok(files.filter((f) => f.startsWith('t-')).length > 3, files.join(' '));
  const folder = files.find((f) => f.startsWith('l-'));
  assert.deepEqual(readdirSync(`${INDEX}/${folder}`).sort(), [...[...Array(10).keys()].map((p) => `${p}.kz`), 'h0.kz'].sort());
});

test('a first query fetches the entry file, its chunk and the letters it shows, nothing else', async () => {
  // As the widget asks: facets only if the letter table is here, which it is not yet (the
  // element fetches it when its box gets focus, `prefetch()`; this page asks through the API).
  // The packs' directory comes with the engine: where the letters lie, before they are wanted.
  const results = await api('search', 'luchtverdediging', { limit: 5, facets: 'if-loaded' });
  assert.equal(results.hits.length, 5);
  assert.equal(results.facets, null);
  const entry = requests.filter((name) => name === 'kamerzoek.idx');
  assert.equal(entry.length, 1);
  assert.ok(fetched('t-').length >= 1 && fetched('t-').length <= 2, requests.join(' '));
  assert.equal(letters().length, 5, requests.join(' '));
  assert.equal(directories().length, 1, requests.join(' '));
  assert.deepEqual(headers(), [], 'no pack header: the directory says where the letters are');
  assert.equal(fetched('l-').length, letters().length + 1, 'no pack fetched whole');
  // The directory's server said it answers ranges: letters of one pack were asked for at once,
  // each by its own URL, none waiting for another to show it.
  assert.ok(letters().every((r) => /\.kz\?\d+ /.test(r)), requests.join(' '));
  for (const lazy of ['p-', 'm-', 'w-', 'i-']) assert.deepEqual(fetched(lazy), [], `${lazy} fetched`);
});

test('asking again fetches nothing', async () => {
  await api('search', 'luchtverdediging', { limit: 5, facets: 'never' });
  assert.deepEqual(requests.filter(Boolean), []);
});

test('facets fetch the letter table, once; and match the CLI', async () => {
  const results = await api('search', 'luchtverdediging', { limit: 5 });
  assert.equal(fetched('m-').length, 1, requests.join(' '));
  assert.deepEqual(withoutScores(results), withoutScores(cli('luchtverdediging', '--limit', '5')));
});

test('once the table is here, asking for facets if loaded counts them with the hits, fetching nothing', async () => {
  const results = await api('search', 'luchtverdediging', { limit: 5, facets: 'if-loaded' });
  assert.deepEqual(requests.filter(Boolean), []);
  assert.deepEqual(withoutScores(results), withoutScores(cli('luchtverdediging', '--limit', '5')));
});

test('a phrase fetches positions; a typo the word list; and both answer as the CLI does', async () => {
  const phrase = await api('search', '"militaire mobiliteit"', {});
  assert.ok(fetched('p-').length >= 1, requests.join(' '));
  assert.deepEqual(withoutScores(phrase), withoutScores(cli('"militaire mobiliteit"')));
  const typo = await api('search', 'oekraene', {});
  assert.equal(fetched('w-').length, 1, requests.join(' '));
  assert.equal(typo.suggestion, 'oekraïne');
  assert.deepEqual(withoutScores(typo), withoutScores(cli('oekraene')));
});

test('opening a letter no search showed fetches the id list and that letter', async () => {
  const id = readdirSync(LETTERS).sort()[599].replace(/\.txt$/, '');
  const reading = await api('read', id, '');
  assert.equal(reading.id, id);
  assert.equal(fetched('i-').length, 1, requests.join(' '));
  assert.equal(letters().length, 1, requests.join(' '));
  // Where it lies is known already: from the directory the first query fetched.
  assert.deepEqual([...headers(), ...directories()], [], requests.join(' '));
  assert.equal(await api('read', 'no-such-letter', ''), null);
});

test('a server that ignores ranges sends whole packs: each is fetched once and serves its letters', async () => {
  // The JS server: `kamerzoek serve` answers ranges, as a static host must; this one does not.
  const server = await staticServer(undefined, { ranges: false });
  const b = await openBrowser();
  try {
    const packs = [];
    b.page.on('response', (r) => {
      if (r.url().includes('/split-index/l-')) packs.push(`${new URL(r.url()).pathname} ${r.status()}`);
    });
    await b.page.goto(`${server.url}index.html`);
    const [first, second] = await b.page.evaluate(async () => {
      const { load } = await import('./kamerzoek.js');
      const idx = await load('./split-index/');
      const ask = (q) => idx.search(q, { limit: 10, facets: 'never' });
      return [await ask('luchtverdediging'), await ask('patriot')];
    });
    assert.deepEqual(withoutScores(first), withoutScores(cli('luchtverdediging', '--facets', 'never')));
    assert.deepEqual(withoutScores(second), withoutScores(cli('patriot', '--facets', 'never')));
    assert.ok(packs.length > 0 && packs.every((p) => p.endsWith(' 200')), packs.join('\n'));
    assert.equal(new Set(packs).size, packs.length, `a pack fetched twice: ${packs.join('\n')}`);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
    server.stop();
  }
});

test("without a readable directory (missing, or damaged) each pack's own header says where its letters are", async () => {
  for (const answer of [{ status: 404, body: 'gone' }, { status: 200, body: Buffer.from('KZPK and then nothing useful') }]) {
    const b = await openBrowser();
    try {
      const asked = [];
      await b.page.route('**/split-index/l-*/h*.kz', (route) => route.fulfill(answer));
      b.page.on('request', (r) => {
        if (r.url().includes('/split-index/l-')) asked.push(`${new URL(r.url()).pathname} ${r.headers().range ?? ''}`);
      });
      const server = await serve();
      try {
        await b.page.goto(`${server.url}index.html`);
        const results = await b.page.evaluate(async () => {
          const { load } = await import('./kamerzoek.js');
          const idx = await load('./split-index/');
          return idx.search('luchtverdediging', { limit: 5, facets: 'never' });
        });
        assert.deepEqual(withoutScores(results), withoutScores(cli('luchtverdediging', '--limit', '5', '--facets', 'never')));
        assert.ok(asked.some((r) => /\/h0\.kz $/.test(r)), `the directory asked for: ${asked.join('\n')}`);
        assert.ok(asked.some((r) => / bytes=0-\d+$/.test(r)), `a pack header: ${asked.join('\n')}`);
        // The browser's own line for the 404 is all.
        assert.deepEqual(b.errors.filter((e) => !/the server responded with a status of 404/.test(e)), []);
      } finally {
        server.stop();
      }
    } finally {
      await b.close();
    }
  }
});
