// Letters that carry markup and script: titles, excerpts and the reader show it as text, and
// nothing runs (no dialog) or appears (no element but the widget's own).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, SITE, serve, openBrowser, search } from './harness.mjs';

const LETTERS = {
  'hostile-a': '<script>alert(1)</script> steunpakket voor de luchtverdediging van Oekraïne. Meer volgt.\n',
  'hostile-b': 'Den Haag, 1 maart 2024\n\nHet steunpakket gaat door. <img src=x onerror="alert(2)"> Zie '
    + 'javascript:alert(3) en </mark><b>vet</b> steunpakket.\n\n<script>alert(4)</script>\n\n'
    + 'Steunpakket en <iframe src="javascript:alert(5)"></iframe> meer.\n',
};

let dir;
let server;
let b;
const dialogs = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamerzoek-hostile-'));
  const letters = join(dir, 'letters');
  mkdirSync(letters);
  for (const [id, text] of Object.entries(LETTERS)) writeFileSync(join(letters, `${id}.txt`), text);
  const site = join(dir, 'site');
  cpSync(SITE, site, { recursive: true, filter: (src) => !src.includes('/index') || src.endsWith('index.html') });
  execFileSync('target/release/kamerzoek', ['build', letters, '--out', join(site, 'index'), '--index-only'], { stdio: 'ignore' });
  server = await serve(site);
  b = await openBrowser();
  b.page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await b.page.goto(server.url);
});

after(async () => {
  await b?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const injected = (scope) => scope.locator('script, img, iframe, b, a[href^="javascript"]').count();

test('titles and excerpts show the markup as text', async () => {
  const { page } = b;
  const ids = await search(page, 'steunpakket');
  assert.deepEqual([...ids].sort(), ['hostile-a', 'hostile-b']);
  const results = page.locator('[part=results]');
  assert.equal(await injected(results), 0);
  const titleA = await page.locator('[data-id="hostile-a"] h2').innerText();
  assert.match(titleA, /<script>alert\(1\)<\/script>/);
  const excerptB = await page.locator('[data-id="hostile-b"] .excerpt').innerText();
  assert.match(excerptB, /<img src=x onerror="alert\(2\)">/);
  assert.match(excerptB, /<\/mark><b>vet<\/b>/);
  // Only the engine's own <mark>s are elements.
  const marks = await page.locator('[data-id="hostile-b"] .excerpt mark').allInnerTexts();
  assert.ok(marks.every((m) => /^steunpakket$/i.test(m)), marks.join('|'));
});

test('the reader shows the whole hostile letter as text', async () => {
  const { page } = b;
  await page.locator('[data-id="hostile-b"]').click();
  const reader = page.locator('[part=reader]');
  await reader.locator('mark.current').waitFor();
  assert.equal(await injected(reader), 0);
  const text = await reader.locator('.letter').innerText();
  assert.match(text, /<script>alert\(4\)<\/script>/);
  assert.match(text, /<iframe src="javascript:alert\(5\)"><\/iframe>/);
});

test('nothing ran', async () => {
  await b.page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(b.errors, []);
});
