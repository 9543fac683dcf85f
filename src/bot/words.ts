// Keyword lists live in locales/ (comma-separated, per language) so that they can be read and
// extended without code; matching is on whole words of the lower-cased text.
import type { TFunction } from '../i18n/i18n.ts';

/** The phrases of a comma-separated list in locales, e.g. `contribution:words.transport`. */
export function wordList(t: TFunction, key: string): string[] {
  return String(t(key))
    .split(',')
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
}

export function normalizeMessage(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim()} `;
}

/** Whether the text holds one of the phrases as whole words. */
export function mentionsAny(text: string, phrases: string[]): boolean {
  const normalized = normalizeMessage(text);
  return phrases.some((p) => normalized.includes(` ${p} `));
}
