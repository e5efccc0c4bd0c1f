// Builds the serialized indexes of the JavaScript peers from docs.json, as their documentation
// shows, one engine per run so each is timed on its own:
//   node bench/build-js-engines.mjs ENGINE DOCS.json OUT_DIR
// minisearch: MiniSearch.toJSON, title stored; lunr: lunr.Index with lunr-languages nl, plus a
// title map; flexsearch: its export is many parts through a callback, so its page indexes
// docs.json in the browser, as its browser examples do.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const [engine, docsPath, outDir] = process.argv.slice(2);
const docs = JSON.parse(readFileSync(docsPath, 'utf8'));
mkdirSync(outDir, { recursive: true });

if (engine === 'minisearch') {
  const { default: MiniSearch } = await import('minisearch');
  const ms = new MiniSearch({ fields: ['title', 'body'], storeFields: ['title'] });
  ms.addAll(docs);
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(ms));
} else if (engine === 'lunr') {
  const lunr = require('lunr');
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.nl')(lunr);
  const idx = lunr(function build() {
    this.use(lunr.nl);
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const doc of docs) this.add(doc);
  });
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(idx));
  writeFileSync(join(outDir, 'titles.json'), JSON.stringify(Object.fromEntries(docs.map((d) => [d.id, d.title]))));
} else if (engine === 'flexsearch') {
  writeFileSync(join(outDir, 'docs.json'), JSON.stringify(docs));
} else {
  throw new Error(`unknown engine ${engine}`);
}
