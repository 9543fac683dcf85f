// From what someone typed to the words the bot compares: lower case without accents or
// punctuation, chat spellings to standard words ("brp" → "berapa", "daftarnya" → "daftar"),
// then the stem ("pendaftaran" → "daftar") by the Snowball stemmers that Orama publishes,
// except for the domain words the Indonesian one would cut into other words.
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemIndonesian } from '@orama/stemmers/indonesian';
import { PROTECTED_WORDS, SLANG, SUFFIXES } from './lexicon.ts';

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

/** The standard word for a chat spelling, with a particle or possessive taken off where that names one. */
export function standardWord(word: string): string {
  const known = SLANG[word];
  if (known) return known;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    const standard = SLANG[base];
    if (standard) return standard;
    if (PROTECTED_WORDS.has(base) || STANDARD_WORDS.has(base)) return base;
  }
  return word;
}

const MIN_STEM_LENGTH = 5;

/** The stem compared in the index: protected words, short words and numbers stay as they are. */
export function stemWord(word: string, language: Language): string {
  if (word.length < MIN_STEM_LENGTH || PROTECTED_WORDS.has(word) || /\d/.test(word)) return word;
  return language === 'en' ? stemEnglish(word) : stemIndonesian(word);
}
