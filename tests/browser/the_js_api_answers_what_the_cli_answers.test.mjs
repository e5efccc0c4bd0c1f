// The plain JS API (kamerzoek.js) returns the same hits, metadata and facets as the CLI's JSON.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test, SITE, pageOnSite } from './harness.mjs';

const browser = pageOnSite();

function cli(query, args = []) {
  const out = execFileSync('target/release/kamerzoek', ['search', `${SITE}/index`, query, '--json', ...args]);
  return JSON.parse(out);
}

function api(query, options) {
  return browser.page.evaluate(async ([q, o]) => {
    const { load } = await import('./kamerzoek.js');
    const idx = await load('./index/');
    return idx.search(q, o);
  }, [query, options]);
}

// Scores are f32 in Rust; JSON prints them shortest, JS widens them: compare them as f32.
function withoutScores(results) {
  return { ...results, hits: results.hits.map(({ score, ...hit }) => ({ ...hit, score: Math.fround(score) })) };
}

const cases = [
  ['oekraine', { filters: { kind: ['verslag'] } }, ['--filter', 'kind=verslag']],
  ['navo', { filters: { year: ['2023', '2025'], minister: 'ollongren' } },
    ['--filter', 'minister=ollongren', '--filter', 'year=2023', '--filter', 'year=2025']],
  ['oekraine', { sort: '-date', limit: 3 }, ['--sort', '-date', '--limit', '3']],
  ['lucht', {}, []],
  ['', { filters: { kind: 'agenda' }, sort: 'date' }, ['--filter', 'kind=agenda', '--sort', 'date']],
  ['navo', { from: '2023-06', to: 2024, filters: { kind: 'agenda' } },
    ['--from', '2023-06', '--to', '2024', '--filter', 'kind=agenda']],
  ['', { to: '2023-06-30', sort: 'date' }, ['--to', '2023-06-30', '--sort', 'date']],
];

for (const [query, options, args] of cases) {
  test(`${JSON.stringify(query)} with ${JSON.stringify(options)} answers as the CLI does`, async () => {
    const fromApi = withoutScores(await api(query, options));
    const fromCli = withoutScores(cli(query, args));
    assert.ok(fromCli.hits.length > 0 || query === '', 'the case finds something');
    assert.deepEqual(fromApi, fromCli);
  });
}

test('bad options are a clear error, not a crash', async () => {
  const message = await browser.page.evaluate(async () => {
    const { load } = await import('./kamerzoek.js');
    const idx = await load('./index/');
    try {
      await idx.search('navo', { filters: { colour: 'red' } });
      return 'no error';
    } catch (err) {
      return err.message;
    }
  });
  assert.match(message, /unknown filter field "colour"/);
});

test('a bad date rejects with kind option, naming the value', async () => {
  const { kind, message } = await browser.page.evaluate(async () => {
    const { load } = await import('./kamerzoek.js');
    const idx = await load('./index/');
    try {
      await idx.search('navo', { from: '2023-02-30' });
      return { kind: 'no error' };
    } catch (err) {
      return { kind: err.kind, message: err.message };
    }
  });
  assert.equal(kind, 'option');
  assert.match(message, /bad from date "2023-02-30"/);
});
