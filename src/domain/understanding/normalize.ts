// From what someone typed to the words the bot compares: lower case without accents or
// punctuation, chat spellings to standard words ("brp" → "berapa", "daftarnya" → "daftar"),
// then the stem ("pendaftaran" → "daftar"): Indonesian by Sastrawi (Nazief–Adriani with the
// KBBI root words, so an affix is taken off only when a real root is left: "pemenang" →
// "menang", while "peringkat" and "kembali" stay), English by the Snowball stemmer that Orama
// publishes; the domain words Sastrawi would cut into other words are kept whole.
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { Stemmer } from 'sastrawijs';
import { everydayWords } from './dictionary.ts';
import { PROTECTED_WORDS, SLANG, SUFFIXES, SYNONYMS } from './lexicon.ts';

export type Language = 'id' | 'en';

/** Lower-case words and numbers; "kira2" → "kira", "Rp2.500.000" stays one number token. */
export function rawWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/["'`’‘]/g, '')
    .replace(/(\d)[.,](?=\d)/g, '$1')
    .replace(/%/g, ' persen ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (/^\p{L}{2,}2$/u.test(w) ? w.slice(0, -1) : w));
}

const STANDARD_WORDS = new Set(Object.values(SLANG));
/** The words of phrases of one meaning ("ahli waris"): "warisnya" is "waris" with a possessive. */
const PHRASE_WORDS = new Set(
  Object.values(SYNONYMS)
    .flatMap((phrases) => phrases.flatMap((p) => p.split(' ')))
    .filter((w) => w.length >= 4),
);

/** The standard word for a chat spelling, with a particle or possessive taken off where that names one. */
export function standardWord(word: string): string {
  const known = SLANG[word];
  if (known) return known;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    const standard = SLANG[base];
    if (standard) return standard;
    if (PROTECTED_WORDS.has(base) || STANDARD_WORDS.has(base) || PHRASE_WORDS.has(base)) return base;
  }
  return word;
}

const MIN_STEM_LENGTH = 5;
/** A stem shorter than this is a word cut in error ("pemilu" → "ilu"). */
const MIN_ROOT_LENGTH = 3;

const sastrawi = new Stemmer();
const english = everydayWords('en');
const indonesian = everydayWords('id');

/** Jakarta speech: "didaftarin", "ngaktifin", "nyairin" are "daftar", "aktif", "cair" with a spoken affix. */
const SPOKEN_PREFIXES = ['di', 'nge', 'ng', 'ny', 'ke', ''] as const;

function stemIndonesian(word: string): string {
  // An English word in an Indonesian sentence ("pension", "discount") is stemmed as English.
  if (english.has(word) && !indonesian.has(word) && !sastrawi.find(word)) return stemEnglish(word);
  let stem = sastrawi.stem(word);
  // If Sastrawi ever left a piece that is no root, the word would stay. (Its stem() checks the
  // dictionary itself, so no word of ours reaches this; kept as a guard.)
  // Stryker disable next-line all: a guard no input reaches (see above)
  if (stem !== word && !sastrawi.find(stem)) stem = word;
  if (stem === word && word.endsWith('in')) {
    const base = word.slice(0, -2);
    for (const prefix of SPOKEN_PREFIXES) {
      if (!base.startsWith(prefix)) continue;
      const root = base.slice(prefix.length);
      // "ny-" stands for a dropped s or c: "nyatuin" → "satu", "nyairin" → "cair".
      const spoken = prefix === 'ny' ? [`s${root}`, `c${root}`] : [root];
      const roots = spoken.filter((w) => sastrawi.find(w));
      const found = roots.find((w) => indonesian.has(w)) ?? roots[0] ?? spoken.map((w) => sastrawi.stem(w)).find((w, k) => w !== spoken[k]);
      if (found) {
        stem = found;
        break;
      }
    }
  }
  return stem.length < MIN_ROOT_LENGTH ? word : stem;
}

/** Whether a word is an Indonesian word by its root ("dikabarin" → "kabar"), though no list of everyday words has it. */
export function hasIndonesianRoot(word: string): boolean {
  if (/\d/.test(word)) return false;
  if (PROTECTED_WORDS.has(word) || sastrawi.find(word)) return true;
  if (word.length < MIN_STEM_LENGTH) return false;
  let known = rooted.get(word);
  // Stryker disable next-line all: a cache; only speed depends on it
  if (known === undefined) {
    // Stryker disable next-line all: a cache's bound; only memory depends on it
    if (rooted.size >= MAX_CACHED) rooted.clear();
    // "kecamatan" is kept whole in the index but is "camat" with affixes.
    rooted.set(word, (known = sastrawi.find(sastrawi.stem(word)) || sastrawi.find(stemWord(word, 'id'))));
  }
  return known;
}
const rooted = new Map<string, boolean>();

const MAX_CACHED = 50_000;
const stems = { id: new Map<string, string>(), en: new Map<string, string>() };

/** The stem compared in the index: protected words, short words and numbers stay as they are. */
export function stemWord(word: string, language: Language): string {
  if (word.length < MIN_STEM_LENGTH || PROTECTED_WORDS.has(word) || /\d/.test(word)) return word;
  const cache = stems[language];
  let stem = cache.get(word);
  // Stryker disable next-line all: a cache; only speed depends on it
  if (stem === undefined) {
    // Stryker disable next-line all: a cache's bound; only memory depends on it
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, (stem = language === 'en' ? stemEnglish(word) : stemIndonesian(word)));
  }
  return stem;
}
