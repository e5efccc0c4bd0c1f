// Every case of the relevance suites, typed into the page and answered by the wasm module, then
// judged by tests/relevance/score.py: the judge the CLI's suites use, so there is one.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, pageOnSite, search } from './harness.mjs';

const browser = pageOnSite();
const SCORE = 'tests/relevance/score.py';

for (const suite of ['tests/relevance/queries.tsv', 'tests/relevance/behaviours.tsv']) {
  test(`the cases of ${suite} pass in the page`, async () => {
    const queries = JSON.parse(execFileSync('python3', [SCORE, suite, '--queries'], { encoding: 'utf8' }));
    assert.ok(queries.length > 10, `${queries.length} cases`);
    const answers = {};
    for (const query of queries) answers[query] = await search(browser.page, query);
    const dir = mkdtempSync(join(tmpdir(), 'kamerzoek-relevance-'));
    try {
      const file = join(dir, 'answers.json');
      writeFileSync(file, JSON.stringify(answers));
      const judged = spawnSync('python3', [SCORE, suite, '--answers', file], { encoding: 'utf8' });
      assert.equal(judged.status, 0, judged.stdout + judged.stderr);
      assert.match(judged.stdout, / 0 failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('the page logged no errors', () => {
  assert.deepEqual(browser.errors, []);
});
