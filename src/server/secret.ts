import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares in constant time; hashing first hides the length of the secret as well. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
