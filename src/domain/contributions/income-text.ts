// A monthly income as people write it in a message: "2 juta", "Rp 2.500.000", "2,5jt", "3jt".
import { parseIndonesianNumber } from '../import/indonesian-values.ts';

const AMOUNT = /(?:rp\.?\s*|idr\s*)?\d[\d.,]*(?:\s*(?:juta|jt|ribu|rb|k)(?=an\b|\b))?/gi;
/** English units, and "3jtan" / "2 jutaan" ("about 3 million"), written as the Indonesian ones. */
const UNITS: [RegExp, string][] = [
  [/(\d)\s*(?:millions?|mio|mil)\b/gi, '$1 juta'],
  [/(\d)\s*(?:thousands?)\b/gi, '$1 ribu'],
  [/(\d)\s*(?:jutaan|jtan)\b/gi, '$1 juta'],
];

/** The largest amount in the text that could be a monthly income (Rp 100 ribu and more). */
export function incomeIn(text: string): number | undefined {
  let best: number | undefined;
  const written = UNITS.reduce((t, [pattern, unit]) => t.replace(pattern, unit), text);
  for (const match of written.matchAll(AMOUNT)) {
    const parsed = parseIndonesianNumber(match[0].replace(/[.,]$/, ''));
    if (!parsed.ok || parsed.value < 100_000 || parsed.value > 10_000_000_000) continue;
    if (best === undefined || parsed.value > best) best = Math.round(parsed.value);
  }
  return best;
}
