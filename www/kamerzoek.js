// kamerzoek: one module for a page to include. It registers the <kamer-zoek> element and exports
// the plain JS API for pages that build their own interface:
//   <script type="module" src="./zoeken/kamerzoek.js"></script>
//   <kamer-zoek></kamer-zoek>
// (the element finds the index in the index/ folder beside this file; `index="..."` names another)
// or
//   import { Kamerzoek } from './kamerzoek.js';
//   const idx = await Kamerzoek.load('./index/');
//   const { total, hits, facets } = await idx.search('F-16', { limit: 10, filters: { year: ['2023'] } });

import { ERROR_KINDS, IndexError, configureEngine, load } from './engine.js';
import { KamerZoek, configureWidget } from './widget.js';

if (!customElements.get('kamer-zoek')) customElements.define('kamer-zoek', KamerZoek);

/**
 * For a page made by a bundler that does not copy the files a module names with
 * `new URL(..., import.meta.url)` (esbuild): where the wasm and the widget's stylesheet are.
 * Call it before the first search.
 * @param {{wasm?: string|URL, stylesheet?: string|URL}} where
 */
export function configure(where = {}) {
  configureEngine(where);
  configureWidget(where);
}

export const Kamerzoek = { load, configure };
export { ERROR_KINDS, IndexError, KamerZoek, load };
