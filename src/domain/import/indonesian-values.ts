/**
 * Numbers, dates and yes/no values the way Indonesians type them into
 * spreadsheets and chat: `2.789.917`, `31,33 %`, `Rp2.500.000,-`, `2,5 jt`,
 * `Rabu, 27 Agustus 2025`, `ya`/`tidak`. Pure functions, no locale APIs,
 * so results do not depend on the server's ICU data.
 */

export type Result<T, R extends string = string> = { ok: true; value: T } | { ok: false; reason: R };

export type NumberReason = 'not_a_number';
export type IntegerReason = NumberReason | 'not_an_integer' | 'out_of_range';
export type PercentReason = NumberReason | 'out_of_range';
export type DateReason = 'not_a_date';
export type BooleanReason = 'not_a_boolean';

export type DatePrecision = 'day' | 'month' | 'year';
export interface IndonesianDate {
  /** YYYY-MM-DD; the first day of the month/year when less precise. */
  date: string;
  precision: DatePrecision;
}

const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
const fail = <R extends string>(reason: R): { ok: false; reason: R } => ({ ok: false, reason });

// ---------------------------------------------------------------------------
// Numbers

const MULTIPLIER_EXPONENT = new Map([
  ['ribu', 3],
  ['rb', 3],
  ['k', 3],
  ['juta', 6],
  ['jt', 6],
  ['miliar', 9],
  ['milyar', 9],
  ['m', 9],
  ['triliun', 12],
  ['t', 12],
]);

/**
 * sign, currency, sign, digits, then at most one of: `,-`/`.-`, `%`, a
 * multiplier word, or a capital M/T glued to the digits. Case-sensitivity of
 * M/T is checked after matching.
 */
const NUMBER_RE =
  /^([-\u2212])?\s*(?:(?:rp\.?|idr)\s*)?([-\u2212])?\s*(\d[\d.,]*?)(?:([,.]-)|\s*(%)|\s*(ribu|rb|k|juta|jt|miliar|milyar|triliun)\.?|(m|t))?$/i;

const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
const COMMA_GROUPS = /^\d{1,3}(?:,\d{3})+$/;
const DOT_GROUPS_COMMA_DECIMAL = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const COMMA_GROUPS_DOT_DECIMAL = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/;

interface ParsedNumber {
  value: number;
  currency: boolean;
  percent: boolean;
  multiplier: boolean;
}

/** Splits the digit string into integer and fraction digits, deciding which separator is which. */
function splitDigits(core: string): { int: string; frac: string } | null {
  const dot = core.indexOf('.');
  const comma = core.indexOf(',');
  if (dot < 0 && comma < 0) return { int: core, frac: '' };

  if (comma < 0) {
    if (core.indexOf('.', dot + 1) < 0) {
      const int = core.slice(0, dot);
      const frac = core.slice(dot + 1);
      if (frac === '') return null;
      // `2.500` is thousands; `31.33`, `1.5`, `0.500`, `1234.567` can only be decimals.
      if (frac.length === 3 && int.length <= 3 && int[0] !== '0') return { int: int + frac, frac: '' };
      return { int, frac };
    }
    return DOT_GROUPS.test(core) ? { int: core.replaceAll('.', ''), frac: '' } : null;
  }

  if (dot < 0) {
    // A single comma is always the Indonesian decimal comma, even `2,500`.
    if (core.indexOf(',', comma + 1) < 0) {
      const frac = core.slice(comma + 1);
      return frac === '' ? null : { int: core.slice(0, comma), frac };
    }
    return COMMA_GROUPS.test(core) ? { int: core.replaceAll(',', ''), frac: '' } : null;
  }

  const id = DOT_GROUPS_COMMA_DECIMAL.exec(core);
  if (id) return { int: id[1]!.replaceAll('.', ''), frac: id[2]! };
  const en = COMMA_GROUPS_DOT_DECIMAL.exec(core);
  if (en) return { int: en[1]!.replaceAll(',', ''), frac: en[2]! };
  return null;
}

/**
 * Shifts the decimal point in the digit string instead of multiplying floats,
 * so `45,22 juta` is exactly 45220000 (Number() of a decimal string is
 * correctly rounded).
 */
function digitsToNumber(int: string, frac: string, exponent: number): number {
  const digits = int + frac;
  const point = int.length + exponent;
  const text = point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return Number(text);
}

function parseNumberParts(text: string): ParsedNumber | null {
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return null;
  const [whole, signBefore, signAfter, core, dash, percent, word, letter] = m;
  if (signBefore && signAfter) return null;
  // Lower-case m/t would be "million"/"thousand" to some writers; only the capital abbreviations are unambiguous.
  if (letter && letter !== 'M' && letter !== 'T') return null;
  const currency = /^[-\u2212]?\s*(?:rp|idr)/i.test(whole);
  if (percent && currency) return null;

  const digits = splitDigits(core!);
  if (!digits) return null;
  const multiplierKey = (word ?? letter)?.toLowerCase();
  const exponent = multiplierKey ? MULTIPLIER_EXPONENT.get(multiplierKey)! : 0;
  // `,-`/`.-` closes a whole amount ("Rp2.500.000,-"), never a fraction.
  if (dash && digits.frac !== '') return null;

  let value = digitsToNumber(digits.int, digits.frac, exponent);
  if (!Number.isFinite(value)) return null;
  if (signBefore || signAfter) value = -value;
  if (value === 0) value = 0; // no -0
  return { value, currency, percent: percent !== undefined, multiplier: exponent > 0 };
}

/**
 * Parses an amount or measure. Negative numbers are accepted (callers decide).
 * Approximations (`~5`, `± 5`, `sekitar 5`, `> 5`) are rejected.
 *
 * Separator rules: both `.` and `,` present → the last one is the decimal
 * mark and the other must group by three; only commas → one comma is a
 * decimal comma (`2,500` = 2.5), several must group by three; only dots →
 * several must group by three, a single dot is thousands when followed by
 * exactly three digits after a 1–3 digit non-zero-leading group (`2.500` =
 * 2500, also before a multiplier: `2.500 juta` = 2.5 billion) and a decimal
 * point otherwise (`31.33`, `2.5 juta`).
 */
export function parseIndonesianNumber(text: string): Result<number, NumberReason> {
  const parsed = parseNumberParts(text);
  return parsed ? ok(parsed.value) : fail('not_a_number');
}

/** As {@link parseIndonesianNumber}, but the value (after any multiplier) must be a safe integer. */
export function parseIndonesianInteger(text: string): Result<number, IntegerReason> {
  const parsed = parseNumberParts(text);
  if (!parsed) return fail('not_a_number');
  if (!Number.isInteger(parsed.value)) return fail('not_an_integer');
  if (!Number.isSafeInteger(parsed.value)) return fail('out_of_range');
  return ok(parsed.value);
}

/** A percentage 0..100 inclusive, with or without `%`; currency and multipliers are not a percentage. */
export function parseIndonesianPercent(text: string): Result<number, PercentReason> {
  const parsed = parseNumberParts(text);
  if (!parsed || parsed.currency || parsed.multiplier) return fail('not_a_number');
  if (parsed.value < 0 || parsed.value > 100) return fail('out_of_range');
  return ok(parsed.value);
}

// ---------------------------------------------------------------------------
// Dates

// A Map, not an object, so `constructor` & co. are not month names.
const MONTHS = new Map<string, number>();
for (const [month, names] of [
  [1, 'januari january jan'],
  [2, 'februari pebruari february feb peb'],
  [3, 'maret march mar'],
  [4, 'april apr'],
  [5, 'mei may'],
  [6, 'juni june jun'],
  [7, 'juli july jul'],
  [8, 'agustus august agu agt ags agust aug'],
  [9, 'september sep sept'],
  [10, 'oktober october okt oct'],
  [11, 'november nopember nov nop'],
  [12, 'desember december des dec'],
] as const) {
  for (const name of names.split(' ')) MONTHS.set(name, month);
}

/** "des", "Desember", "dec" → 12. */
export const monthNumber = (name: string): number | undefined => MONTHS.get(name.toLowerCase().replace(/\.$/, ''));

const WEEKDAY_PREFIX =
  /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|sen|sel|rab|kam|jum|sab|min|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?:\s*,\s*|\s+)/;

const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const D_MONTH_Y = /^(\d{1,2})[\s-]+([a-z]+)\.?(?:\s*,\s*|[\s-]+)(\d{4})$/;
const MONTH_D_Y = /^([a-z]+)\.?\s+(\d{1,2})(?:\s*,\s*|\s+)(\d{4})$/;
const MONTH_Y = /^([a-z]+)\.?[\s-]+(\d{4})$/;
const Y_M = /^(\d{4})[-/](\d{1,2})$/;
const M_Y = /^(\d{1,2})[-/.](\d{4})$/;
const Y = /^(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function calendarDate(year: string, month: number | undefined, day: number, precision: DatePrecision): Result<IndonesianDate, DateReason> {
  const y = Number(year);
  if (y < 1000 || month === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) {
    return fail('not_a_date');
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return ok({ date: `${year}-${pad(month)}-${pad(day)}`, precision });
}

/**
 * Parses a calendar date. Numeric dates are day-first (`08/07/2025` is
 * 8 July); four-digit years only. A leading weekday is ignored, not checked.
 */
export function parseIndonesianDate(text: string): Result<IndonesianDate, DateReason> {
  const s = text.trim().toLowerCase().replace(WEEKDAY_PREFIX, '');
  let m: RegExpExecArray | null;
  if ((m = YMD.exec(s))) return calendarDate(m[1]!, Number(m[3]), Number(m[4]), 'day');
  if ((m = DMY.exec(s))) return calendarDate(m[4]!, Number(m[3]), Number(m[1]), 'day');
  if ((m = D_MONTH_Y.exec(s))) return calendarDate(m[3]!, MONTHS.get(m[2]!), Number(m[1]), 'day');
  if ((m = MONTH_D_Y.exec(s))) return calendarDate(m[3]!, MONTHS.get(m[1]!), Number(m[2]), 'day');
  if ((m = MONTH_Y.exec(s))) return calendarDate(m[2]!, MONTHS.get(m[1]!), 1, 'month');
  if ((m = Y_M.exec(s))) return calendarDate(m[1]!, Number(m[2]), 1, 'month');
  if ((m = M_Y.exec(s))) return calendarDate(m[2]!, Number(m[1]), 1, 'month');
  if ((m = Y.exec(s))) return calendarDate(m[1]!, 1, 1, 'year');
  return fail('not_a_date');
}

// ---------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = new Set(['ya', 'iya', 'y', 'yes', 'true', '1', 'benar']);
// `t` is "tidak", not "true".
const FALSE_WORDS = new Set(['', 'tidak', 'tdk', 't', 'no', 'n', 'false', '0', 'salah']);

/** Yes/no in Indonesian or English; an empty cell is `false`. */
export function parseBoolean(text: string): Result<boolean, BooleanReason> {
  const s = text.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return fail('not_a_boolean');
}
