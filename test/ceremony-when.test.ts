// When a ceremony is, typed the way officials type it.
import { describe, expect, it } from 'vitest';
import { parseCeremonyWhen } from '../src/domain/awards/ceremony-when.ts';

const TODAY = '2026-12-01';

describe('a ceremony date and time as typed', () => {
  it.each([
    ['14 Desember 2026 19.30', { date: '2026-12-14', time: '19:30' }],
    ['Senin, 14 Desember 2026 pukul 19:30 WITA', { date: '2026-12-14', time: '19:30', zone: 'wita' }],
    ['tgl 15 des jam 7 malam', { date: '2026-12-15', time: '19:00' }],
    ['15 des jam 7 malam', { date: '2026-12-15', time: '19:00' }],
    ['15/12 19.30', { date: '2026-12-15', time: '19:30' }],
    ['15/12/2026 19:30 wit', { date: '2026-12-15', time: '19:30', zone: 'wit' }],
    ['3 jan jam 9 pagi', { date: '2027-01-03', time: '09:00' }],
    ['20 desember jam 2 siang', { date: '2026-12-20', time: '14:00' }],
    ['tanggal 5 des jam 4 sore', { date: '2026-12-05', time: '16:00' }],
    ['30 nov 19.00', { date: '2027-11-30', time: '19:00' }],
    ['Selasa 15/12 pkl 19.30', { date: '2026-12-15', time: '19:30' }],
    ['16 des 2026 jam 8 malam', { date: '2026-12-16', time: '20:00' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseCeremonyWhen(text, TODAY)).toEqual(expected);
  });

  it.each(['14 Desember 2026', 'besok malam', '15 des jam 25', '31/02 19.00', '14 Desember 2026 19.75'])('refuses "%s"', (text) => {
    expect(parseCeremonyWhen(text, TODAY)).toBeUndefined();
  });
});
