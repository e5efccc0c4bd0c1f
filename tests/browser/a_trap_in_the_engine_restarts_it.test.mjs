// A trap inside the WebAssembly module (an `unreachable`, as a failed allocation gives) leaves
// that module instance unusable: before, every later query failed with "recursive use of an
// object detected" until the page was reloaded. Now the engine is loaded anew on a trap, the
// visitor is told what happened, and the next query works. No index can make the engine trap
// any more (tests/crafted_counts.rs), so the trap is made here: the module's search export is
// wrapped to trap once.

import assert from 'node:assert/strict';
import { test, pageOnSite, search } from './harness.mjs';

const b = pageOnSite({ goto: false });

// Before the page's scripts: wrap the module's exports so that `kamerzoek_search` traps once when
// `__kzTrapOnce` is set. The exports object is frozen, so the instance is given a copy of it.
function trapOnce() {
  const wrap = (result) => {
    const real = result.instance.exports;
    const exports = { ...real };
    exports.kamerzoek_search = (...args) => {
      if (globalThis.__kzTrapOnce) {
        globalThis.__kzTrapOnce = false;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      return real.kamerzoek_search(...args);
    };
    const instance = Object.create(WebAssembly.Instance.prototype, { exports: { value: exports } });
    return { module: result.module, instance };
  };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => wrap(await streaming(...args));
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...args) => {
    const result = await plain(...args);
    return result.instance ? wrap(result) : result;
  };
}

test('a trap restarts the engine, says so in Dutch, and the next query is answered', async () => {
  const { page } = b;
  const modules = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/kamerzoek.js')) modules.push(new URL(r.url()).search); });
  await page.addInitScript(trapOnce);
  await page.goto(b.url);
  assert.match((await search(page, 'patriot'))[0], /^001_/);
  await page.evaluate(() => { globalThis.__kzTrapOnce = true; });
  assert.deepEqual(await search(page, 'vilnius'), []);
  const alert = page.locator('[role=alert]');
  assert.match(await alert.innerText(), /^Er ging iets mis in de zoekfunctie; die is opnieuw gestart\. Probeer het nog eens\./);
  // The next query: a new instance of the module, and an answer.
  const ids = await search(page, 'oekraine');
  assert.equal(ids.length, 5, 'Oekraïne is in all five letters');
  // The glue is in engine.js: its own file is fetched by the restart alone.
  assert.deepEqual(modules, ['?restart=1']);
  assert.equal(await alert.count(), 0);
  assert.deepEqual(b.errors, []);
});
