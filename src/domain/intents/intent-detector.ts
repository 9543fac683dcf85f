// What a free-text message asks for, decided by keyword lists (from locales/, in every
// language at once, since people mix them): deterministic and explainable. Each phrase found
// counts its number of words; a single long keyword also matches with one typo.

export const INTENTS = [
  'about',
  'contribution',
  'awards',
  'enroll',
  'coverage',
  'company',
  'subscribe',
  'help',
  'thanks',
  'greeting',
] as const;
export type Intent = (typeof INTENTS)[number];

export type IntentKeywords = Record<Intent, string[]>;

export interface IntentMatch {
  intent: Intent | undefined;
  /** The phrases that decided it, for logs and tests. */
  matched: string[];
  /** The words of the message that are neither keywords nor filler: where a region is named. */
  rest: string[];
}

/** Words and the spaces between them, lower case, without punctuation. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/["'`’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const FUZZY_MIN_LENGTH = 6;

/** Damerau-Levenshtein distance of at most one: one letter missing, extra, wrong or swapped. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Found {
  intent: Intent;
  phrase: string;
  start: number;
  length: number;
  weight: number;
  fuzzy: boolean;
}

function findPhrase(words: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

export function detectIntent(text: string, keywords: IntentKeywords, fillers: ReadonlySet<string>): IntentMatch {
  const words = wordsOf(text);
  const found: Found[] = [];
  for (const intent of INTENTS) {
    for (const phrase of keywords[intent]) {
      const parts = wordsOf(phrase);
      if (!parts.length) continue;
      let start = findPhrase(words, parts);
      let weight = parts.length;
      let fuzzy = false;
      if (start < 0 && parts.length === 1 && parts[0]!.length >= FUZZY_MIN_LENGTH) {
        start = words.findIndex((w) => w.length >= FUZZY_MIN_LENGTH - 1 && withinOneEdit(w, parts[0]!));
        weight = 0.8;
        fuzzy = true;
      }
      if (start >= 0) found.push({ intent, phrase, start, length: parts.length, weight, fuzzy });
    }
  }
  const scores = new Map<Intent, number>();
  for (const f of found) scores.set(f.intent, (scores.get(f.intent) ?? 0) + f.weight);
  // Highest score wins; on a tie, the earlier intent in INTENTS (more specific first).
  let intent: Intent | undefined;
  for (const candidate of INTENTS) if ((scores.get(candidate) ?? 0) > (intent ? scores.get(intent)! : 0)) intent = candidate;

  // A word matched only with a typo stays: it may be a place ("Medang" is one edit from "menang").
  const used = new Set<number>();
  for (const f of found) if (!f.fuzzy) for (let k = 0; k < f.length; k++) used.add(f.start + k);
  const rest = words.filter((w, i) => !used.has(i) && !fillers.has(w));
  return { intent, matched: found.filter((f) => f.intent === intent).map((f) => f.phrase), rest };
}
