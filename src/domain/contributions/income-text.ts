// A monthly income as people write it in a message: "2 juta", "Rp 2.500.000", "2,5jt", "3jt".
import { parseIndonesianNumber } from '../import/indonesian-values.ts';

const AMOUNT = /(?:rp\.?\s*|idr\s*)?\d[\d.,]*(?:\s*(?:juta|jt|ribu|rb|k)(?=an\b|\b))?/gi;
/** English units, and "3jtan" / "2 jutaan" ("about 3 million"), written as the Indonesian ones. */
const UNITS: [RegExp, string][] = [
  [/(\d)\s*(?:millions?|mio|mil|m)\b/gi, '$1 juta'],
  [/(\d)\s*(?:thousands?)\b/gi, '$1 ribu'],
  [/(\d)\s*(?:jutaan|jtan)\b/gi, '$1 juta'],
];

const DIGITS: Record<string, number> = {
  se: 1,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
};
const NUMBER_WORD = '(se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)';
/** Amounts in words: "sejuta", "dua juta setengah", "satu setengah juta", "lima ratus ribu". */
const WORDS: [RegExp, (m: RegExpExecArray) => string][] = [
  // "dua juta lima ratus (ribu)", "2 juta 500 ribu", "2jt 500rb": millions and hundreds of thousands, added.
  [
    new RegExp(`\\b${NUMBER_WORD}\\s*(?:juta|jt)\\s*${NUMBER_WORD}\\s*ratus(?:\\s*(?:ribu|rb))?\\b`, 'gi'),
    (m) => String(DIGITS[m[1]!.toLowerCase()]! * 1_000_000 + DIGITS[m[2]!.toLowerCase()]! * 100_000),
  ],
  [/\b(\d{1,2})\s*(?:juta|jt)\s*(\d{3})\s*(?:ribu|rb)?\b/gi, (m) => String(Number(m[1]) * 1_000_000 + Number(m[2]) * 1_000)],
  [new RegExp(`\\b${NUMBER_WORD}\\s*setengah\\s*juta\\b`, 'gi'), (m) => `${DIGITS[m[1]!.toLowerCase()]},5 juta`],
  [new RegExp(`\\b${NUMBER_WORD}\\s*juta\\s*setengah\\b`, 'gi'), (m) => `${DIGITS[m[1]!.toLowerCase()]},5 juta`],
  [
    new RegExp(`\\b${NUMBER_WORD}\\s*(juta|ratus ribu|ratus rb)\\b`, 'gi'),
    (m) => `${DIGITS[m[1]!.toLowerCase()]}${m[2]!.toLowerCase().startsWith('ratus') ? '00 ribu' : ' juta'}`,
  ],
  [/\bsejuta\b/gi, () => '1 juta'],
  [/\bsetengah juta\b/gi, () => '500 ribu'],
];

function inFigures(text: string): string {
  let out = text;
  for (const [pattern, replace] of WORDS) out = out.replace(pattern, (...args) => replace(args.slice(0, -2) as unknown as RegExpExecArray));
  return UNITS.reduce((t, [pattern, unit]) => t.replace(pattern, unit), out);
}

/** The largest amount in the text that could be a monthly income (Rp 100 ribu and more). */
export function incomeIn(text: string): number | undefined {
  let best: number | undefined;
  const written = inFigures(text);
  for (const match of written.matchAll(AMOUNT)) {
    const parsed = parseIndonesianNumber(match[0].replace(/[.,]$/, ''));
    if (!parsed.ok || parsed.value < 100_000 || parsed.value > 10_000_000_000) continue;
    if (best === undefined || parsed.value > best) best = Math.round(parsed.value);
  }
  return best;
}
