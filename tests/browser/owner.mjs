// What the site owner's tests share: the lines the README tells an owner to add to a page (read
// from the README itself, so the tests cannot pass with other lines than the documented ones),
// the binary installed as an owner installs it, and an owner's unrelated page.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const readme = readFileSync('README.md', 'utf8');
const htmlBlocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1].trim());

// The README's first HTML block: the two lines that put the search on a page.
export const TWO_LINES = (() => {
  const lines = (htmlBlocks[0] ?? '').split('\n');
  if (lines.length !== 2 || !lines[0].includes('kamerzoek.js') || !lines[1].includes('<kamer-zoek')) {
    throw new Error(`README.md's first html block is not the two lines:\n${htmlBlocks[0]}`);
  }
  return lines;
})();

// The README's line that makes the search work offline.
export const OFFLINE_LINE = (() => {
  const block = htmlBlocks.find((b) => b.includes('offline.js'));
  if (!block || block.split('\n').length !== 1) throw new Error('README.md gives no one-line offline registration');
  return block;
})();

// The folder the two lines expect the site in, relative to the page: `zoeken` in `./zoeken/kamerzoek.js`.
export const SITE_FOLDER = TWO_LINES[0].match(/src="\.\/([^/]+)\/kamerzoek\.js"/)?.[1] ?? (() => {
  throw new Error(`no ./FOLDER/kamerzoek.js in ${TWO_LINES[0]}`);
})();

// Installs the binary as the README says, into `root` (the compiled crates of target/ are reused,
// as a second `cargo install` would). Returns the installed binary's path.
export function installBinary(root) {
  execFileSync('cargo', ['install', '--path', '.', '--locked', '--root', root, '--target-dir', 'target'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return resolve(root, 'bin', 'kamerzoek');
}

// An unrelated page of the owner's, in `dir`, with its own style and the `extra` lines in its body.
export function ownersPage(dir, name, extra) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'owner.css'), 'body { font-family: Georgia, serif; margin: 2rem; } h1 { color: #402; }\n');
  writeFileSync(join(dir, name), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Notes on defence policy</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="./owner.css">
</head>
<body>
  <h1>Notes on defence policy</h1>
  <p>An article about something else, with a search over the letters below.</p>
  ${extra.join('\n  ')}
</body>
</html>
`);
}
