// The relevance cases of tests/relevance/*.tsv, read and judged exactly as score.py does.

import { readFileSync } from 'node:fs';

export function loadCases(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('query\t'))
    .map((line) => {
      const [query, expect, mode, what = ''] = line.split('\t');
      return { query, expected: expect === '-' ? [] : expect.split(','), mode, what };
    });
}

// Whether the letter ids, best first, satisfy a case (ids compared by their first 3 characters).
export function judge(ids, expected, mode) {
  const got = ids.map((id) => id.slice(0, 3));
  const inSet = (list, set) => list.every((x) => set.includes(x));
  const sameSet = (a, b) => inSet(a, b) && inSet(b, a);
  switch (mode) {
    case 'top': return sameSet(got.slice(0, expected.length), expected);
    case 'all': return inSet(expected, got);
    case 'exact': return sameSet(got, expected);
    case 'first': return got.length > 0 && got[0] === expected[0] && inSet(expected, got.slice(0, expected.length));
    default: throw new Error(`unknown mode ${mode}`);
  }
}
