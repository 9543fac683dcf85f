import { describe, expect, it } from 'vitest';
import {
  parseBoolean,
  parseIndonesianDate,
  parseIndonesianInteger,
  parseIndonesianNumber,
  parseIndonesianPercent,
  type DatePrecision,
} from '../src/domain/import/indonesian-values.ts';

describe('parseIndonesianNumber', () => {
  it.each<[string, number]>([
    // Indonesian grouping and decimal comma
    ['2.789.917', 2789917],
    ['1.000,5', 1000.5],
    ['31,33', 31.33],
    ['2789917', 2789917],
    ['0', 0],
    ['007', 7],
    ['-5', -5],
    ['-0', 0],
    ['\u22125', -5], // Unicode minus
    ['- 1.000', -1000],
    ['2,500', 2.5], // a single comma is always decimal
    ['0,5', 0.5],
    ['1.234.567,89', 1234567.89],
    ['  42  ', 42],
    ['\t12,5\n', 12.5],
    // English-style where unambiguous
    ['31.33', 31.33],
    ['1.5', 1.5],
    ['2.5000', 2.5],
    ['0.500', 0.5], // a leading 0 can't start a thousands group
    ['1234.567', 1234.567], // 4-digit group can't be thousands
    ['1,000,000', 1000000],
    ['1,000', 1], // single comma → decimal
    ['1,234,567.89', 1234567.89],
    ['1,000.000', 1000], // both marks: the last is the decimal one
    ['2.500', 2500], // single dot + exactly 3 digits → thousands
    ['100.000', 100000],
    // currency
    ['Rp 2.500.000', 2500000],
    ['Rp2.500.000,-', 2500000],
    ['Rp. 2.500.000,00', 2500000],
    ['Rp.2.500', 2500],
    ['rp 5.000', 5000],
    ['RP5000', 5000],
    ['IDR 1.000.000', 1000000],
    ['idr1000', 1000],
    ['2.500.000,-', 2500000],
    ['5.000.-', 5000],
    ['-Rp 5.000', -5000],
    ['Rp -5.000', -5000],
    ['Rp\u00a02.500', 2500], // no-break space, as Excel's currency format writes
    ['Rp174 juta', 174000000],
    ['Rp 1,2 miliar', 1200000000],
    // percent
    ['31,33 %', 31.33],
    ['31,33%', 31.33],
    ['100%', 100],
    ['150%', 150], // the number parser has no range
    // multipliers
    ['2,5 juta', 2500000],
    ['2,5jt', 2500000],
    ['3jt', 3000000],
    ['3 JT', 3000000],
    ['3 Juta', 3000000],
    ['2 juta', 2000000],
    ['65 ribu', 65000],
    ['65rb', 65000],
    ['65 rb.', 65000],
    ['45,22 juta', 45220000],
    ['8,01 juta', 8010000],
    ['0,1 juta', 100000],
    ['2.5 juta', 2500000],
    ['2.500 juta', 2500000000], // still thousands: "Rp 2.500 juta" is 2,5 miliar
    ['1,5 rb', 1500],
    ['1,2345 rb', 1234.5],
    ['5k', 5000],
    ['5K', 5000],
    ['1,5 k', 1500],
    ['1,2M', 1200000000],
    ['3M', 3000000000],
    ['2 miliar', 2000000000],
    ['2 Milyar', 2000000000],
    ['1,5 triliun', 1500000000000],
    ['2T', 2000000000000],
    ['-2,5 juta', -2500000],
    ['1.000 ribu', 1000000],
  ])('%j → %d', (text, expected) => {
    const result = parseIndonesianNumber(text);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(Object.is(result.value, expected)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'abc',
    '12a',
    '1..2',
    '1.2.3,4,5',
    '1.',
    '1,',
    ',5',
    '.5',
    '1.23.456',
    '1,23,456',
    '12.34.567',
    '1.000.000.5',
    '1,000.000,5',
    '1.000,000.5',
    '2 500 000',
    '--5',
    '-Rp -5',
    '+5',
    // approximations are recorded separately by callers
    '~5',
    '~ 5',
    '±5',
    '± 5 juta',
    'sekitar 5',
    'kurang lebih 5',
    'lebih dari 5',
    '> 5',
    '>5',
    // ambiguous or unsupported multipliers
    '1,2 M', // capital M only glued to the digits
    '1,2m',
    '2t',
    '2 T',
    'juta',
    'Rp',
    'Rp juta',
    '5 juta juta',
    '5 jt%',
    '5%%',
    'Rp 5%',
    '1,5,-',
    '5,- juta',
    '5 rupiah',
  ])('%j → not_a_number', (text) => {
    expect(parseIndonesianNumber(text)).toEqual({ ok: false, reason: 'not_a_number' });
  });
});

describe('parseIndonesianInteger', () => {
  it.each<[string, number]>([
    ['2,5 juta', 2500000],
    ['2.789.917', 2789917],
    ['2,0', 2],
    ['-5', -5],
    ['Rp2.500.000,-', 2500000],
    ['1,2345 juta', 1234500],
    ['45,22 juta', 45220000],
  ])('%j → %d', (text, expected) => {
    expect(parseIndonesianInteger(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['2,5', 'not_an_integer'],
    ['31.33', 'not_an_integer'],
    ['1,2345 rb', 'not_an_integer'],
    ['abc', 'not_a_number'],
    ['', 'not_a_number'],
    ['9.999.999.999.999.999', 'out_of_range'],
  ])('%j → %s', (text, reason) => {
    expect(parseIndonesianInteger(text)).toEqual({ ok: false, reason });
  });
});

describe('parseIndonesianPercent', () => {
  it.each<[string, number]>([
    ['31,33 %', 31.33],
    ['31,33%', 31.33],
    ['31,33', 31.33],
    ['31.33', 31.33],
    ['0', 0],
    ['0%', 0],
    ['100', 100],
    ['100 %', 100],
    ['100,0%', 100],
  ])('%j → %d', (text, expected) => {
    expect(parseIndonesianPercent(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['100,01', 'out_of_range'],
    ['150%', 'out_of_range'],
    ['-1%', 'out_of_range'],
    ['2.500', 'out_of_range'],
    ['abc', 'not_a_number'],
    ['', 'not_a_number'],
    ['Rp 50', 'not_a_number'],
    ['5 jt', 'not_a_number'],
    ['~30%', 'not_a_number'],
  ])('%j → %s', (text, reason) => {
    expect(parseIndonesianPercent(text)).toEqual({ ok: false, reason });
  });
});

describe('parseIndonesianDate', () => {
  it.each<[string, string, DatePrecision]>([
    ['2025-08-27', '2025-08-27', 'day'],
    ['2025-8-7', '2025-08-07', 'day'],
    ['2025/08/27', '2025-08-27', 'day'],
    ['27/08/2025', '2025-08-27', 'day'],
    ['27-08-2025', '2025-08-27', 'day'],
    ['27.08.2025', '2025-08-27', 'day'],
    ['7/8/2025', '2025-08-07', 'day'],
    ['08/07/2025', '2025-07-08', 'day'], // day first, always
    ['29/02/2024', '2024-02-29', 'day'],
    ['29/02/2000', '2000-02-29', 'day'],
    ['31/12/2025', '2025-12-31', 'day'],
    ['27 Agustus 2025', '2025-08-27', 'day'],
    ['27 agustus 2025', '2025-08-27', 'day'],
    ['27 AGUSTUS 2025', '2025-08-27', 'day'],
    ['27 Agu 2025', '2025-08-27', 'day'],
    ['27 Agt 2025', '2025-08-27', 'day'],
    ['27 Ags 2025', '2025-08-27', 'day'],
    ['27 Agu. 2025', '2025-08-27', 'day'],
    ['27-Agu-2025', '2025-08-27', 'day'],
    ['27 August 2025', '2025-08-27', 'day'],
    ['27 Aug 2025', '2025-08-27', 'day'],
    ['August 27, 2025', '2025-08-27', 'day'],
    ['1 Januari 2025', '2025-01-01', 'day'],
    ['1 Jan 2025', '2025-01-01', 'day'],
    ['1 Februari 2025', '2025-02-01', 'day'],
    ['1 Feb 2025', '2025-02-01', 'day'],
    ['1 Maret 2025', '2025-03-01', 'day'],
    ['1 Mar 2025', '2025-03-01', 'day'],
    ['1 April 2025', '2025-04-01', 'day'],
    ['1 Apr 2025', '2025-04-01', 'day'],
    ['1 Mei 2025', '2025-05-01', 'day'],
    ['1 May 2025', '2025-05-01', 'day'],
    ['1 Juni 2025', '2025-06-01', 'day'],
    ['1 Jun 2025', '2025-06-01', 'day'],
    ['1 Juli 2025', '2025-07-01', 'day'],
    ['1 Jul 2025', '2025-07-01', 'day'],
    ['1 September 2025', '2025-09-01', 'day'],
    ['1 Sep 2025', '2025-09-01', 'day'],
    ['1 Oktober 2025', '2025-10-01', 'day'],
    ['1 Okt 2025', '2025-10-01', 'day'],
    ['1 Oct 2025', '2025-10-01', 'day'],
    ['1 November 2025', '2025-11-01', 'day'],
    ['1 Nopember 2025', '2025-11-01', 'day'],
    ['1 Nov 2025', '2025-11-01', 'day'],
    ['1 Desember 2025', '2025-12-01', 'day'],
    ['1 Des 2025', '2025-12-01', 'day'],
    ['1 Dec 2025', '2025-12-01', 'day'],
    ['Rabu, 27 Agustus 2025', '2025-08-27', 'day'],
    ['rabu 27 agustus 2025', '2025-08-27', 'day'],
    ["Jum'at, 29 Agustus 2025", '2025-08-29', 'day'],
    ['Wednesday 27 August 2025', '2025-08-27', 'day'],
    ['Wed, 27 Aug 2025', '2025-08-27', 'day'],
    ['Senin, 01/09/2025', '2025-09-01', 'day'],
    ['  27 Agustus 2025  ', '2025-08-27', 'day'],
    ['Agustus 2025', '2025-08-01', 'month'],
    ['agu 2025', '2025-08-01', 'month'],
    ['Agu-2025', '2025-08-01', 'month'],
    ['August 2025', '2025-08-01', 'month'],
    ['2025-08', '2025-08-01', 'month'],
    ['2025/8', '2025-08-01', 'month'],
    ['08/2025', '2025-08-01', 'month'],
    ['8-2025', '2025-08-01', 'month'],
    ['2025', '2025-01-01', 'year'],
  ])('%j → %s (%s)', (text, date, precision) => {
    expect(parseIndonesianDate(text)).toEqual({ ok: true, value: { date, precision } });
  });

  it.each([
    '',
    'abc',
    '31/02/2025',
    '29/02/2025',
    '29/02/1900',
    '31/04/2025',
    '32/01/2025',
    '00/01/2025',
    '01/00/2025',
    '01/13/2025',
    '08/27/2025', // month-first is not accepted
    '2025-13-01',
    '2025-02-30',
    '2025-08-27T10:00:00',
    '27/08/25', // two-digit year
    '27-08/2025', // mixed separators
    '31 Februari 2025',
    '27 Foo 2025',
    '27 Constructor 2025',
    'Agustus',
    '27 Agustus',
    '13/2025',
    '2025-00',
    '0999',
    '20250827',
    'Rabu',
    'Rabu,',
    'kemarin',
  ])('%j → not_a_date', (text) => {
    expect(parseIndonesianDate(text)).toEqual({ ok: false, reason: 'not_a_date' });
  });
});

describe('parseBoolean', () => {
  it.each<[string, boolean]>([
    ['ya', true],
    ['Ya', true],
    ['YA', true],
    ['iya', true],
    ['y', true],
    ['Y', true],
    ['yes', true],
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['benar', true],
    [' Benar ', true],
    ['tidak', false],
    ['Tidak', false],
    ['tdk', false],
    ['t', false],
    ['T', false],
    ['no', false],
    ['n', false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['salah', false],
    ['', false],
    ['   ', false],
  ])('%j → %s', (text, expected) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['maybe', '2', 'ya tidak', 'yaa', '-', 'x'])('%j → not_a_boolean', (text) => {
    expect(parseBoolean(text)).toEqual({ ok: false, reason: 'not_a_boolean' });
  });
});
