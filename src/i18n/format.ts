// Numbers, money, dates and times are written the Indonesian way (PUEBI) in both languages:
// 2.789.917; 31,33%; Rp3.500.000; 27 Agustus 2025; 19.30 WIB. The figures come from Indonesian
// sources and are quoted as such. Every figure the bot shows is formatted here.
const FORMAT_LOCALE = 'id-ID';
const TIME_ZONE = 'Asia/Jakarta';

const integer = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 2 });
const rupiah = new Intl.NumberFormat(FORMAT_LOCALE, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(FORMAT_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });

export const formatInteger = (n: number | bigint): string => integer.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);
/** 31.33 → "31,33%" (PUEBI: no space before the sign). */
export const formatPercent = (n: number): string => `${decimal.format(n)}%`;
/** 3500000 → "Rp3.500.000" (PUEBI: no space after the symbol; Intl puts a no-break space there). */
const compact = new Intl.NumberFormat(FORMAT_LOCALE, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
/** 50000000 → "50 juta", 2789917 → "2,79 juta", 900000 → "900 ribu": where a rounded figure reads better (a chart). */
export const formatCompact = (n: number): string => compact.format(n);
export const formatRupiah = (n: number): string => rupiah.format(n).replace(/^Rp\s*/u, 'Rp');
export const formatDate = (d: Date): string => longDate.format(d);

// Calendar dates of figures ("per April 2025") have no time of day: formatted as UTC dates.
const calendar = {
  day: new Intl.DateTimeFormat(FORMAT_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat(FORMAT_LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat(FORMAT_LOCALE, { year: 'numeric', timeZone: 'UTC' }),
};

/** "2025-04-01" at month precision → "April 2025"; at day precision → "1 April 2025". */
export const formatCalendarDate = (iso: string, precision: 'day' | 'month' | 'year' = 'day'): string =>
  calendar[precision].format(new Date(`${iso}T00:00:00Z`));

/** +1.200 / −3.400: a change, always with its sign. */
export const formatSignedInteger = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${integer.format(Math.abs(n))}`;

/** +2,5 / −0,75: a change of percentage points. */
export const formatSignedDecimal = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${decimal.format(Math.abs(n))}`;

/** Indonesia's three time zones, as people name them. */
const ZONE_NAMES: Readonly<Record<string, string>> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "wita" → "Asia/Makassar": a zone as people type it. */
export const zoneOfName = (name: string): string | undefined =>
  Object.entries(ZONE_NAMES).find(([, short]) => short.toLowerCase() === name.toLowerCase())?.[0];

/** "Asia/Makassar" → "WITA"; another zone keeps its IANA name. */
export const zoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? timeZone;

/** "19:30" (as stored) in Asia/Jakarta → "19.30 WIB". */
export const formatClockTime = (hhmm: string, timeZone = TIME_ZONE): string => `${hhmm.replace(':', '.')} ${zoneName(timeZone)}`;

/** Formatters are costly to make: one per zone and shape, made when first asked for. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(FORMAT_LOCALE, options)));
  return made;
}
const timeParts = (timeZone: string, seconds: boolean) =>
  formatter(`time:${timeZone}:${seconds}`, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    timeZone,
  });
const dateParts = (timeZone: string) => formatter(`date:${timeZone}`, { day: 'numeric', month: 'long', year: 'numeric', timeZone });

/** A moment's time of day where it is read: "19.30 WIB" (with seconds: "19.30.05 WIB"). */
export const formatTimeOfDay = (d: Date, timeZone = TIME_ZONE, opts: { seconds?: boolean } = {}): string =>
  `${timeParts(timeZone, !!opts.seconds).format(d)} ${zoneName(timeZone)}`;

/** "15 Desember 2026 pukul 19.30 WIB". */
export const formatDateTime = (d: Date, timeZone = TIME_ZONE): string =>
  `${dateParts(timeZone).format(d)} pukul ${formatTimeOfDay(d, timeZone)}`;

const shortMonth = new Intl.DateTimeFormat(FORMAT_LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "Agu 2025": a chart's axis. */
export const formatShortMonth = (d: Date): string => shortMonth.format(d);
