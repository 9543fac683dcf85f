// Numbers, money, dates and times, in the reader's language, through Intl. Indonesian follows
// PUEBI: 2.789.917; 31,33%; Rp3.500.000; 27 Agustus 2025; 19.30 WIB. English writes the same
// figures the English way: 2,789,917; 31.33%; Rp3,500,000; 27 August 2025; 19:30 WIB. Every
// figure the bot shows is formatted here; a renderer takes the formats of its `t`.
import type { TFunction } from 'i18next';
import { localeOf, type Locale } from './locales.ts';

const JAKARTA = 'Asia/Jakarta';

/** Indonesia's three time zones, as people name them. */
const ZONE_NAMES: Readonly<Record<string, string>> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "wita" → "Asia/Makassar": a zone as people type it. */
export const zoneOfName = (name: string): string | undefined =>
  Object.entries(ZONE_NAMES).find(([, short]) => short.toLowerCase() === name.toLowerCase())?.[0];

/** "Asia/Makassar" → "WITA"; another zone keeps its IANA name. */
export const zoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? timeZone;

export interface Formats {
  integer(n: number | bigint): string;
  decimal(n: number): string;
  /** 31.33 → "31,33%" (no space before the sign, in either language). */
  percent(n: number): string;
  /** 2789917 → "2,79 juta" / "2.79 million": where a rounded figure reads better (a chart). */
  compact(n: number): string;
  /** 3500000 → "Rp3.500.000" / "Rp3,500,000" (no space after the symbol). */
  rupiah(n: number): string;
  /** A moment's date in Jakarta: "27 Agustus 2025". */
  date(d: Date): string;
  /** "2025-04-01" at month precision → "April 2025"; at day precision → "1 April 2025". */
  calendarDate(iso: string, precision?: 'day' | 'month' | 'year'): string;
  /** +1.200 / −3.400: a change, always with its sign. */
  signedInteger(n: number): string;
  /** +2,5 / −0,75: a change of percentage points. */
  signedDecimal(n: number): string;
  /** "19:30" (as stored) → "19.30 WIB" / "19:30 WIB". */
  clockTime(hhmm: string, timeZone?: string): string;
  /** A moment's time of day where it is read: "19.30 WIB" (with seconds: "19.30.05 WIB"). */
  timeOfDay(d: Date, timeZone?: string, opts?: { seconds?: boolean }): string;
  /** "15 Desember 2026 pukul 19.30 WIB" / "15 December 2026 at 19:30 WIB". */
  dateTime(d: Date, timeZone?: string): string;
  /** "Agu 2025" / "Aug 2025": a chart's axis. */
  shortMonth(d: Date): string;
}

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const WORDS: Record<Locale, { at: string; timeSeparator: string }> = {
  id: { at: 'pukul', timeSeparator: '.' },
  en: { at: 'at', timeSeparator: ':' },
};

function makeFormats(locale: Locale): Formats {
  const tag = INTL_LOCALE[locale];
  const words = WORDS[locale];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
  const longDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: JAKARTA });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  // Calendar dates of figures ("per April 2025") have no time of day: formatted as UTC dates.
  const calendar = {
    day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' }),
  };
  // Formatters are costly to make: one per zone and shape, made when first asked for.
  const made = new Map<string, Intl.DateTimeFormat>();
  const formatter = (key: string, options: Intl.DateTimeFormatOptions) => {
    let f = made.get(key);
    if (!f) made.set(key, (f = new Intl.DateTimeFormat(tag, options)));
    return f;
  };
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  // Intl's own separator: "19.30" in id-ID, "19:30" in en-GB.
  const time = (d: Date, timeZone: string, seconds: boolean) =>
    formatter(`time:${timeZone}:${seconds}`, {
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
      timeZone,
    }).format(d);
  const timeOfDay = (d: Date, timeZone = JAKARTA, opts: { seconds?: boolean } = {}) =>
    `${time(d, timeZone, !!opts.seconds)} ${zoneName(timeZone)}`;
  return {
    integer: (n) => integer.format(n),
    decimal: (n) => decimal.format(n),
    percent: (n) => `${decimal.format(n)}%`,
    compact: (n) => compact.format(n),
    rupiah: (n) => `Rp${integer.format(Math.round(n))}`,
    date: (d) => longDate.format(d),
    calendarDate: (iso, precision = 'day') => calendar[precision].format(new Date(`${iso}T00:00:00Z`)),
    signedInteger: (n) => `${sign(n)}${integer.format(Math.abs(n))}`,
    signedDecimal: (n) => `${sign(n)}${decimal.format(Math.abs(n))}`,
    clockTime: (hhmm, timeZone = JAKARTA) => `${hhmm.replace(':', words.timeSeparator)} ${zoneName(timeZone)}`,
    timeOfDay,
    dateTime: (d, timeZone = JAKARTA) =>
      `${formatter(`date:${timeZone}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d)} ${words.at} ${timeOfDay(d, timeZone)}`,
    shortMonth: (d) => shortMonth.format(d),
  };
}

const FORMATS: Record<Locale, Formats> = { id: makeFormats('id'), en: makeFormats('en') };

/** The formats of a language. */
export const formatsFor = (locale: Locale): Formats => FORMATS[locale];

/** The formats of the language `t` translates to (Indonesian for any other). */
export const fmt = (t: TFunction): Formats => FORMATS[localeOf(t)];

// The Indonesian formats by name, where no reader's language applies (logs, the CLIs' first line).
export const {
  integer: formatInteger,
  percent: formatPercent,
  compact: formatCompact,
  rupiah: formatRupiah,
  date: formatDate,
  clockTime: formatClockTime,
  timeOfDay: formatTimeOfDay,
  dateTime: formatDateTime,
} = FORMATS.id;
