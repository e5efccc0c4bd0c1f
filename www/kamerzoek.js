// kamerzoek: one module for a page to include. It registers the <kamer-zoek> element and exports
// the plain JS API for pages that build their own interface:
//   <script type="module" src="./kamerzoek.js"></script>
//   <kamer-zoek index="./index/"></kamer-zoek>
// or
//   import { Kamerzoek } from './kamerzoek.js';
//   const idx = await Kamerzoek.load('./index/');
//   const { total, hits, facets } = await idx.search('F-16', { limit: 10, filters: { year: ['2023'] } });

import { load } from './engine.js';
import { KamerZoek } from './widget.js';

if (!customElements.get('kamer-zoek')) customElements.define('kamer-zoek', KamerZoek);

export const Kamerzoek = { load };
export { load };
