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
