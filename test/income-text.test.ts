// A monthly income as people write it in a message, for the contribution calculator.
import { describe, expect, it } from 'vitest';
import { incomeIn } from '../src/domain/contributions/income-text.ts';

describe('an income in a message', () => {
  it.each([
    ['iuran kalau gaji 2 juta', 2_000_000],
    ['penghasilan Rp 2.500.000 sebulan', 2_500_000],
    ['Rp2.500.000', 2_500_000],
    ['rp. 1.750.000', 1_750_000],
    ['IDR 3000000', 3_000_000],
    ['2,5jt brp', 2_500_000],
    ['3jt', 3_000_000],
    ['3jtan', 3_000_000],
    ['gaji 2 jutaan', 2_000_000],
    ['500rb', 500_000],
    ['750 ribu', 750_000],
    ['income 3 million', 3_000_000],
    ['income 2.5 mio', 2_500_000],
    ['800 thousand a month', 800_000],
    ['sejuta', 1_000_000],
    ['setengah juta', 500_000],
    ['dua juta setengah', 2_500_000],
    ['satu setengah juta', 1_500_000],
    ['lima ratus ribu', 500_000],
    ['tiga juta', 3_000_000],
    ['dua juta lima ratus ribu', 2_500_000],
    ['dua jt lima ratus', 2_500_000],
    ['2 juta 500 ribu', 2_500_000],
    ['2jt 500rb', 2_500_000],
    ['sepuluh juta', 10_000_000],
    // Capitals, no spaces, two-digit millions, and amounts without "ribu".
    ['Dua Juta Setengah', 2_500_000],
    ['SATU SETENGAH JUTA', 1_500_000],
    ['Lima Ratus Ribu', 500_000],
    ['Dua Juta Lima Ratus', 2_500_000],
    ['Tiga Juta', 3_000_000],
    ['3million', 3_000_000],
    ['800thousand', 800_000],
    ['2jtan', 2_000_000],
    ['12 juta 500 ribu', 12_500_000],
    ['2jt500', 2_500_000],
    ['rp.2.000.000', 2_000_000],
    ['Rp2jt', 2_000_000],
    ['idr3000000', 3_000_000],
  ])('"%s" → %i', (text, income) => {
    expect(incomeIn(text)).toBe(income);
  });

  it('takes the largest amount that could be an income', () => {
    expect(incomeIn('bayar 3 bulan, gaji 4 juta, iuran 16800')).toBe(4_000_000);
    expect(incomeIn('antara 2 juta dan 3 juta')).toBe(3_000_000);
    expect(incomeIn('gaji 4 juta, bonus 500 ribu')).toBe(4_000_000);
    expect(incomeIn('dua juta atau tiga juta')).toBe(3_000_000);
    expect(incomeIn('satu setengah juta atau dua setengah juta')).toBe(2_500_000);
    expect(incomeIn('dua juta setengah atau tiga juta setengah')).toBe(3_500_000);
    expect(incomeIn('dua juta lima ratus atau tiga juta lima ratus')).toBe(3_500_000);
    expect(incomeIn('2 juta 500 atau 3 juta 500')).toBe(3_500_000);
    expect(incomeIn('2 million or 3 million')).toBe(3_000_000);
    expect(incomeIn('500 thousand or 900 thousand')).toBe(900_000);
    expect(incomeIn('2 jutaan atau 3 jutaan')).toBe(3_000_000);
  });

  it('rounds to whole rupiah, and leaves a full stop after the amount alone', () => {
    expect(incomeIn('1,2345678 juta')).toBe(1_234_568);
    expect(incomeIn('gaji saya 2 juta.')).toBe(2_000_000);
    expect(incomeIn('gaji saya 2.000.000,')).toBe(2_000_000);
  });

  it('finds none in a year, a count, too little or too much', () => {
    expect(incomeIn('brp iuran bpu')).toBeUndefined();
    expect(incomeIn('telat 3 bulan')).toBeUndefined();
    expect(incomeIn('99 ribu')).toBeUndefined();
    expect(incomeIn('99999')).toBeUndefined();
    expect(incomeIn('100 ribu')).toBe(100_000);
    expect(incomeIn('10.000.000.000')).toBe(10_000_000_000);
    expect(incomeIn('10.000.000.001')).toBeUndefined();
  });
});
