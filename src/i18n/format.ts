// Numbers and dates are written the Indonesian way in both languages (2.789.917; 31,33 %;
// 27 Agustus 2025): the figures come from Indonesian sources and are quoted as such.
const FORMAT_LOCALE = 'id-ID';
const TIME_ZONE = 'Asia/Jakarta';

const integer = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 2 });
const rupiah = new Intl.NumberFormat(FORMAT_LOCALE, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(FORMAT_LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });

export const formatInteger = (n: number | bigint): string => integer.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);
/** 31.33 → "31,33 %" */
export const formatPercent = (n: number): string => `${decimal.format(n)} %`;
export const formatRupiah = (n: number): string => rupiah.format(n);
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
