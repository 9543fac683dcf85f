// The day it is in Indonesia's western time zone, where BPJS rules and figures are dated.
export function todayInJakarta(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}
