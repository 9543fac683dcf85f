// Typos as the understanding counts them: the optimal-string-alignment distance, within a budget.
import { describe, expect, it } from 'vitest';
import { withinEdits } from '../src/domain/understanding/edit-distance.ts';

describe('the distance of a typo', () => {
  it('is 0 for the same word and counts one missing, extra or wrong letter as 1', () => {
    expect(withinEdits('iuran', 'iuran', 0)).toBe(0);
    expect(withinEdits('iuran', 'iurn', 2)).toBe(1);
    expect(withinEdits('iurn', 'iuran', 2)).toBe(1);
    expect(withinEdits('iuran', 'iuron', 2)).toBe(1);
    expect(withinEdits('', 'ab', 2)).toBe(2);
    expect(withinEdits('ab', '', 2)).toBe(2);
  });

  it('counts two letters swapped as one edit, not two', () => {
    expect(withinEdits('klaim', 'kliam', 1)).toBe(1);
    expect(withinEdits('bayar', 'abyar', 1)).toBe(1);
    expect(withinEdits('bayar', 'baayr', 1)).toBe(1);
    // Two separate swaps are two edits, and a swap needs both letters to match crosswise.
    expect(withinEdits('abcd', 'badc', 2)).toBe(2);
    expect(withinEdits('ab', 'bc', 2)).toBe(2);
    expect(withinEdits('ab', 'ca', 2)).toBe(2);
  });

  it('adds up edits through the word', () => {
    expect(withinEdits('tangerang', 'tanggerang', 3)).toBe(1);
    expect(withinEdits('kalimantan', 'kalimantn', 3)).toBe(1);
    expect(withinEdits('sumatera', 'sumatra', 3)).toBe(1);
    expect(withinEdits('pekerja', 'pkrja', 3)).toBe(2);
    expect(withinEdits('kitten', 'sitting', 3)).toBe(3);
    expect(withinEdits('jakarta', 'jkrt', 3)).toBe(3);
  });

  it('gives up past the budget, also when the lengths alone say so', () => {
    expect(withinEdits('kitten', 'sitting', 2)).toBeUndefined();
    expect(withinEdits('iuran', 'iuron', 0)).toBeUndefined();
    expect(withinEdits('ab', 'abcd', 1)).toBeUndefined();
    expect(withinEdits('abcd', 'ab', 1)).toBeUndefined();
    expect(withinEdits('ab', 'abcd', 2)).toBe(2);
    expect(withinEdits('abc', 'abc', -1)).toBeUndefined();
    // Far apart early: the rows' best already exceeds the budget.
    expect(withinEdits('xxxxxx', 'yyyyyy', 2)).toBeUndefined();
    expect(withinEdits('abcdef', 'abcxyz', 2)).toBeUndefined();
    expect(withinEdits('abcdef', 'abcxyz', 3)).toBe(3);
  });
});
