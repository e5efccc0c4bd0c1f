// Every file of a folder, by its path inside it, with its bytes (base64): two builds compared
// byte for byte with one deepEqual, a difference named by its path.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function tree(dir, at = '') {
  const files = {};
  for (const name of readdirSync(join(dir, at)).sort()) {
    const path = join(at, name);
    if (statSync(join(dir, path)).isDirectory()) Object.assign(files, tree(dir, path));
    else files[path] = readFileSync(join(dir, path)).toString('base64');
  }
  return files;
}
