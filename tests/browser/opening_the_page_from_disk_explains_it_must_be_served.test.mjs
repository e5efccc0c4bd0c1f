// Opened as a file (file://), browsers refuse the page's modules: before, the page showed no
// search box and no word of why. Now it says the page must be served, and how.

import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, SITE, openBrowser } from './harness.mjs';

test('from file:// the page says it must be opened through a web server', async () => {
  const b = await openBrowser();
  try {
    await b.page.goto(pathToFileURL(resolve(SITE, 'index.html')).href);
    const note = b.page.locator('.kamerzoek-file-note[role=alert]');
    await note.waitFor();
    assert.match(await note.innerText(), /werkt alleen als de pagina via een webserver wordt geopend/);
  } finally {
    await b.close();
  }
});
