// Column parsers for import files: zod schemas that read values the way Indonesian
// officials write them ("2.789.917", "31,33", "2,5 juta", "27 Agustus 2025") and report
// failures as codes that the presentation layer translates.
import { z } from 'zod';
import {
  parseBoolean,
  parseIndonesianDate,
  parseIndonesianInteger,
  parseIndonesianNumber,
  parseIndonesianPercent,
  type IndonesianDate,
} from './indonesian-values.ts';

/** What a cell may hold: CSV gives strings, JSON also numbers, booleans and null. */
export type Cell = string | number | boolean | null | undefined;

export type Params = Record<string, string | number>;

function fail(ctx: z.RefinementCtx, code: string, params: Params = {}): never {
  ctx.addIssue({ code: 'custom', message: code, params });
  return z.NEVER as never;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : String(value);
}

type Parser<T> = (text: string, ctx: z.RefinementCtx, raw: unknown) => T;

/** NUL cannot be stored in PostgreSQL text, and no one types it: a cell with one is refused with its place. */
const hasNul = (value: unknown) => typeof value === 'string' && value.includes('\u0000');

/** A required column: empty is an error. */
function required<T>(parse: Parser<T>) {
  return z.unknown().transform((value, ctx): T => {
    if (hasNul(value)) return fail(ctx, 'control_character');
    if (isEmpty(value)) return fail(ctx, 'required');
    return parse(asText(value), ctx, value);
  });
}

/** An optional column: empty is null. */
function optional<T>(parse: Parser<T>) {
  return z.unknown().transform((value, ctx): T | null => {
    if (hasNul(value)) return fail(ctx, 'control_character');
    return isEmpty(value) ? null : parse(asText(value), ctx, value);
  });
}

/**
 * A cell a spreadsheet would run as a formula when the data is exported again (OWASP, CSV
 * injection): it begins with =, +, @, a tab or a carriage return, or with - and no space after.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@\t\r]/.test(text) || /^-\S/.test(text);
}

const textParser =
  (max: number): Parser<string> =>
  (text, ctx) =>
    text.length > max ? fail(ctx, 'too_long', { max }) : looksLikeFormula(text) ? fail(ctx, 'formula') : text;

const integerParser =
  (min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> =>
  (text, ctx, raw) => {
    const parsed = typeof raw === 'number' ? { ok: true as const, value: raw } : parseIndonesianInteger(text);
    if (!parsed.ok) return fail(ctx, parsed.reason, { value: text });
    if (!Number.isInteger(parsed.value)) return fail(ctx, 'not_an_integer', { value: text });
    if (parsed.value < min || parsed.value > max) return fail(ctx, 'integer_out_of_range', { value: text, min, max });
    return parsed.value;
  };

const percentParser: Parser<number> = (text, ctx, raw) => {
  const parsed = typeof raw === 'number' ? { ok: true as const, value: raw } : parseIndonesianPercent(text);
  if (!parsed.ok && parsed.reason === 'out_of_range') return fail(ctx, 'percent_out_of_range', { value: text });
  if (!parsed.ok) return fail(ctx, 'not_a_number', { value: text });
  if (parsed.value < 0 || parsed.value > 100) return fail(ctx, 'percent_out_of_range', { value: text });
  return Math.round(parsed.value * 1000) / 1000;
};

const decimalParser =
  (min: number, max: number): Parser<number> =>
  (text, ctx, raw) => {
    const parsed = typeof raw === 'number' ? { ok: true as const, value: raw } : parseIndonesianNumber(text);
    if (!parsed.ok) return fail(ctx, 'not_a_number', { value: text });
    if (parsed.value < min || parsed.value > max) return fail(ctx, 'number_out_of_range', { value: text, min, max });
    return parsed.value;
  };

/** `notAfter` (YYYY-MM-DD): figures cannot be dated in the future. */
const dateParser =
  (notAfter?: string): Parser<IndonesianDate> =>
  (text, ctx) => {
    const parsed = parseIndonesianDate(text);
    if (!parsed.ok) return fail(ctx, 'not_a_date', { value: text });
    if (notAfter && parsed.value.date > notAfter) return fail(ctx, 'date_in_future', { value: text, today: notAfter });
    return parsed.value;
  };

const booleanParser: Parser<boolean> = (text, ctx, raw) => {
  if (typeof raw === 'boolean') return raw;
  const parsed = parseBoolean(text);
  return parsed.ok ? parsed.value : fail(ctx, 'not_a_boolean', { value: text });
};

function enumParser<T extends string>(values: Record<string, T>): Parser<T> {
  const allowed = [...new Set(Object.values(values))];
  return (text, ctx) => {
    const key = text.toLowerCase().replace(/[\s/-]+/g, '_');
    return values[key] ?? fail(ctx, 'not_one_of', { value: text, allowed: Object.keys(values).join(', ') || allowed.join(', ') });
  };
}

/** Kemendagri codes: 13, 13.74, 13.73.02, 13.73.02.2005; 00 is Indonesia. */
const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const regionCodeParser: Parser<string> = (text, ctx) => (REGION_CODE.test(text) ? text : fail(ctx, 'bad_region_code', { value: text }));

const urlParser: Parser<string> = (text, ctx) => {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  return fail(ctx, 'bad_url', { value: text });
};

const timeParser: Parser<string> = (text, ctx) => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return fail(ctx, 'bad_time', { value: text });
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
};

const timeZoneParser: Parser<string> = (text, ctx) => {
  try {
    new Intl.DateTimeFormat('id-ID', { timeZone: text });
    return text;
  } catch {
    return fail(ctx, 'bad_time_zone', { value: text });
  }
};

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const keyParser: Parser<string> = (text, ctx) => (KEY.test(text) ? text : fail(ctx, 'bad_key', { value: text }));

function listParser<T extends string>(values: readonly T[]): Parser<T[]> {
  return (text, ctx) => {
    const items = text
      .split(/[\s,;/+]+/)
      .filter(Boolean)
      .map((s) => s.toUpperCase());
    const bad = items.find((i) => !values.includes(i as T));
    if (bad || !items.length) return fail(ctx, 'not_one_of', { value: bad ?? text, allowed: values.join(', ') });
    return [...new Set(items as T[])].sort((a, b) => values.indexOf(a) - values.indexOf(b));
  };
}

/** Texts separated by "|" (a JSON list arrives joined so): each non-empty, at most `maxLength`. */
const textListParser =
  (maxItems: number, maxLength: number): Parser<string[]> =>
  (text, ctx) => {
    const items = text
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!items.length) return fail(ctx, 'required');
    if (items.length > maxItems) return fail(ctx, 'too_many_items', { max: maxItems });
    const long = items.find((i) => i.length > maxLength);
    return long ? fail(ctx, 'too_long', { max: maxLength }) : items;
  };

export const field = {
  text: (max = 200) => required(textParser(max)),
  optionalText: (max = 2000) => optional(textParser(max)),
  key: () => required(keyParser),
  integer: (min = 0, max?: number) => required(integerParser(min, max)),
  optionalInteger: (min = 0, max?: number) => optional(integerParser(min, max)),
  optionalPercent: () => optional(percentParser),
  optionalDecimal: (min: number, max: number) => optional(decimalParser(min, max)),
  date: (notAfter?: string) => required(dateParser(notAfter)),
  optionalDate: (notAfter?: string) => optional(dateParser(notAfter)),
  boolean: () => optional(booleanParser).transform((v) => v ?? false),
  oneOf: <T extends string>(values: Record<string, T>) => required(enumParser(values)),
  optionalOneOf: <T extends string>(values: Record<string, T>) => optional(enumParser(values)),
  regionCode: () => required(regionCodeParser),
  optionalRegionCode: () => optional(regionCodeParser),
  optionalUrl: () => optional(urlParser),
  optionalTime: () => optional(timeParser),
  optionalTimeZone: () => optional(timeZoneParser),
  list: <T extends string>(values: readonly T[]) => required(listParser(values)),
  textList: (maxItems: number, maxLength: number) => required(textListParser(maxItems, maxLength)),
  optionalTextList: (maxItems: number, maxLength: number) => optional(textListParser(maxItems, maxLength)),
};
