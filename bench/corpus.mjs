// Turns a folder of letters into what each engine indexes: the same id, title and text for all.
//   node bench/corpus.mjs LETTERS_DIR OUT_DIR
// writes OUT_DIR/docs.json ([{id, title, body}]) and OUT_DIR/pagefind-site/<id>.html.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [lettersDir, outDir] = process.argv.slice(2);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const site = join(outDir, 'pagefind-site');
mkdirSync(site, { recursive: true });

const docs = readdirSync(lettersDir).filter((f) => f.endsWith('.txt')).sort().map((file) => {
  const body = readFileSync(join(lettersDir, file), 'utf8');
  const title = body.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? file;
  return { id: file.slice(0, -4), title, body };
});
for (const doc of docs) {
  const paragraphs = doc.body.split(/\n\s*\n/).map((p) => `<p>${escape(p)}</p>`).join('\n');
  writeFileSync(join(site, `${doc.id}.html`),
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>`
    + `<body><main data-pagefind-body><h1>${escape(doc.title)}</h1>\n${paragraphs}</main></body></html>\n`);
}
writeFileSync(join(outDir, 'docs.json'), JSON.stringify(docs));
console.log(`${docs.length} letters -> ${outDir}`);
