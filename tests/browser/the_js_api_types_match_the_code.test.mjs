// The JS API's types are written once, in packages/npm/kamerzoek.d.ts, which the npm package
// ships; the engine's code takes its types from there in JSDoc. `tsc --checkJs` holds the two
// together: the code type-checks against the declarations, and what the module exports is what
// they declare. No browser: the types are checked as a bundler's TypeScript would check them.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NO_BROWSER, test } from './harness.mjs';

const tsc = resolve('node_modules/.bin/tsc');
const engine = resolve('www/engine.js');
const declared = resolve('packages/npm/kamerzoek.d.ts');

// Type-checks `check` (TypeScript importing the engine and the declarations): tsc's errors.
function typeCheck(check) {
  const work = mkdtempSync(join(tmpdir(), 'kamerzoek-types-'));
  try {
    writeFileSync(join(work, 'check.ts'), check);
    writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        allowJs: true, checkJs: true, noEmit: true, skipLibCheck: true,
        target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
        lib: ['es2022', 'dom', 'dom.iterable'], allowImportingTsExtensions: true,
      },
      files: ['check.ts'],
    }));
    execFileSync(tsc, ['-p', work], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String(err.stdout || err.message);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const imports = `import * as impl from ${JSON.stringify(engine)};
import type * as api from ${JSON.stringify(declared)};
`;

test('the engine type-checks against the declarations, and exports what they declare', { skip: NO_BROWSER }, () => {
  const errors = typeCheck(`${imports}
export const load: typeof api.load = impl.load;
export const kinds: typeof api.ERROR_KINDS = impl.ERROR_KINDS;
export const error: typeof api.IndexError = impl.IndexError;
export const index = async (): Promise<api.Index> => impl.load('./index/');
`);
  assert.equal(errors, '', errors);
});

test('a declaration the code does not keep is caught', { skip: NO_BROWSER }, () => {
  // As if the declarations promised an option the engine's `search` reads otherwise.
  const errors = typeCheck(`${imports}
type Stricter = (indexUrl?: string | URL, base?: string | URL) => Promise<{ docCount: string }>;
export const load: Stricter = impl.load;
`);
  assert.match(errors, /docCount/, 'tsc let a wrong type through');
});
