// Indonesia's three time zones, by province code: WIB (western), WITA (central), WIT (eastern),
// as Keppres 41/1987 sets them. Kalimantan Barat and Tengah are WIB; the rest of Kalimantan,
// Bali, Nusa Tenggara and Sulawesi are WITA; Maluku and Papua are WIT.
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);
export const JAKARTA = 'Asia/Jakarta';

/** The IANA zone of a region (any level), by its province; Indonesia itself is WIB. */
export function timeZoneOfRegion(code: string): string {
  const province = code.split('.')[0]!;
  return WITA.has(province) ? 'Asia/Makassar' : WIT.has(province) ? 'Asia/Jayapura' : JAKARTA;
}
