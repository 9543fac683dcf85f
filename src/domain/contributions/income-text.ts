// A monthly income as people write it in a message: "2 juta", "Rp 2.500.000", "2,5jt", "3jt".
import { parseIndonesianNumber } from '../import/indonesian-values.ts';

const AMOUNT = /(?:rp\.?\s*)?\d[\d.,]*(?:\s*(?:juta|jt|ribu|rb|k)\b)?/gi;

/** The largest amount in the text that could be a monthly income (Rp 100 ribu and more). */
export function incomeIn(text: string): number | undefined {
  let best: number | undefined;
  for (const match of text.matchAll(AMOUNT)) {
    const parsed = parseIndonesianNumber(match[0].replace(/[.,]$/, ''));
    if (!parsed.ok || parsed.value < 100_000 || parsed.value > 10_000_000_000) continue;
    if (best === undefined || parsed.value > best) best = Math.round(parsed.value);
  }
  return best;
}
