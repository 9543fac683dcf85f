// When a ceremony is, as an official types it: "14 Desember 2026 19.30", "15 des jam 7 malam",
// "15/12 19.30 WITA", "Senin, 14/12/2026 pukul 19:30". A date without a year is the next one to
// come; an hour with "pagi/siang/sore/malam" is read as people mean it.
import { monthNumber, parseIndonesianDate } from '../import/indonesian-values.ts';

export interface CeremonyWhen {
  /** "2026-12-15". */
  date: string;
  /** "19:00". */
  time: string;
  /** "wib", "wita" or "wit", when the text names one. */
  zone?: string;
}

const TIME = /(?:^|\s)(?:(pukul|pkl\.?|pk\.?|jam)\s*)?(?<!\d)(\d{1,2})(?:[.:](\d{2}))?\s*(pagi|siang|sore|malam)?\s*(wib|wita|wit)?$/;
const NO_YEAR = [/^(\d{1,2})[\s-]+([a-z]+)\.?$/, /^(\d{1,2})[/.-](\d{1,2})$/];

function hourOf(hour: number, part: string | undefined): number {
  if (part === 'pagi') return hour === 12 ? 0 : hour;
  if (part === 'siang') return hour <= 4 ? hour + 12 : hour;
  if (part === 'sore') return hour < 12 ? hour + 12 : hour;
  // "jam 7 malam" is 19.00; "jam 1 malam" is the small hours.
  if (part === 'malam') return hour >= 5 && hour < 12 ? hour + 12 : hour === 12 ? 0 : hour;
  return hour;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date of day/month without a year: this year's, or next year's once this year's has passed. */
function nextDate(day: number, month: number | undefined, today: string): string | undefined {
  if (!month) return undefined;
  const thisYear = Number(today.slice(0, 4));
  for (const year of [thisYear, thisYear + 1]) {
    const parsed = parseIndonesianDate(`${pad(day)}/${pad(month)}/${year}`);
    if (!parsed.ok) return undefined;
    if (parsed.value.date >= today) return parsed.value.date;
  }
  return undefined;
}

export function parseCeremonyWhen(text: string, today: string): CeremonyWhen | undefined {
  const s = text
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/^\s*(?:tgl\.?|tanggal|hari)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const m = TIME.exec(s);
  // A bare number at the end is a year or a day, not a time: a time has minutes, "jam/pukul" or a part of the day.
  if (!m || (!m[1] && m[3] === undefined && !m[4])) return undefined;
  const hour = hourOf(Number(m[2]), m[4]);
  const minutes = Number(m[3] ?? '0');
  if (hour > 23 || minutes > 59) return undefined;
  const dateText = s.slice(0, m.index).trim();
  let date: string | undefined;
  const full = parseIndonesianDate(dateText);
  if (full.ok && full.value.precision === 'day') date = full.value.date;
  else {
    const bare = dateText.replace(/^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s+/, '');
    const named = NO_YEAR[0]!.exec(bare);
    const numeric = NO_YEAR[1]!.exec(bare);
    if (named) date = nextDate(Number(named[1]), monthNumber(named[2]!), today);
    else if (numeric) date = nextDate(Number(numeric[1]), Number(numeric[2]), today);
  }
  if (!date) return undefined;
  return { date, time: `${pad(hour)}:${pad(minutes)}`, ...(m[5] ? { zone: m[5] } : {}) };
}
