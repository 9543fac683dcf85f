// Calendar days as BPJS rules and figures are dated: today in Indonesia's western time zone, and
// the distance between two YYYY-MM-DD dates.
export function todayInJakarta(now = new Date()): string {
  return todayIn('Asia/Jakarta', now);
}

/** Making a formatter costs far more than using one: one per zone, made once. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The last answer per zone, by the minute it was for: a day changes only on a whole minute in Indonesia. */
const lastDays = new Map<string, { minute: number; day: string }>();

/** YYYY-MM-DD where `timeZone` is ("Asia/Makassar"). */
export function todayIn(timeZone: string, now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDays.get(timeZone);
  if (last?.minute === minute) return last.day;
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone })));
  const day = format.format(now);
  lastDays.set(timeZone, { minute, day });
  return day;
}

/** A YYYY-MM-DD date `days` later (earlier when negative). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The YYYY-MM-DD date after this one. */
export const nextDay = (isoDate: string): string => addDays(isoDate, 1);

/** Days between two YYYY-MM-DD dates, either way round. */
export const daysApart = (a: string, b: string): number =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;

/** Whole months from one YYYY-MM-DD to a later one: 2025-08-27 to 2026-08-26 is 11. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
