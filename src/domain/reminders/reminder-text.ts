// What a person asks of their reminder in words: "tiap tanggal 10", "akhir bulan", "jam 7
// malam", "pukul 19.30 WITA", "on the 5th at 8pm", or to stop it.
import { END_OF_MONTH, LAST_DAY } from './payment-reminders.ts';

export interface ReminderRequest {
  /** 1–28 or END_OF_MONTH; a day past LAST_DAY asked for is `tooLate`. */
  day?: number;
  /** A day 29–31 was asked for: not in every month, so the end of the month is taken. */
  dayTooLate?: number;
  minute?: number;
  zone?: 'WIB' | 'WITA' | 'WIT';
  stop?: boolean;
}

const END = /\b(akhir bulan|akhir bln|end of (the )?month|last day( of the month)?|month end)\b/;
const DAY = /\b(?:tanggal|tgl|tg|tiap|setiap|day|on the|on)\s*(?:ke-?\s*)?(\d{1,2})(?:st|nd|rd|th)?\b/;
const ALONE = /^\s*(\d{1,2})\s*$/;
const TIME = /\b(?:jam|jm|pukul|pkl|at)\s*(\d{1,2})(?:[.:](\d{2}))?\s*(pagi|siang|sore|malam|am|pm)?\b/;
const CLOCK = /\b(\d{1,2})[.:](\d{2})\b/;
const ZONE = /\b(wib|wita|wit)\b/;
const STOP = /\b(berhenti|stop|matikan|hentikan|hapus|batalkan|batal|jangan ingatkan|turn off|cancel)\b/;

function hourOf(hour: number, part: string | undefined): number | undefined {
  if (hour > 23) return undefined;
  if ((part === 'malam' || part === 'pm' || part === 'sore') && hour < 12) return hour + 12;
  if (part === 'siang' && hour < 11) return hour + 12;
  if ((part === 'am' || part === 'pagi') && hour === 12) return 0;
  return hour;
}

/** What the text asks; empty when it names nothing of a reminder. */
export function readReminderRequest(text: string): ReminderRequest {
  // "/pengingat_iuran 25": the command's own name says nothing of the day.
  const lower = text.toLowerCase().replace(/^\/\S+\s*/, '');
  const request: ReminderRequest = {};
  if (STOP.test(lower)) request.stop = true;
  // A time first, so that "jam 10" is not read as the 10th.
  let rest = lower;
  const time = TIME.exec(lower) ?? CLOCK.exec(lower);
  if (time) {
    const hour = hourOf(Number(time[1]), time[3]);
    const minute = Number(time[2] ?? 0);
    if (hour !== undefined && minute < 60) request.minute = hour * 60 + minute;
    rest = lower.replace(time[0], ' ');
  }
  const zone = ZONE.exec(lower)?.[1];
  if (zone) request.zone = zone.toUpperCase() as ReminderRequest['zone'];
  if (END.test(rest)) request.day = END_OF_MONTH;
  else {
    const day = Number((DAY.exec(rest) ?? ALONE.exec(rest))?.[1] ?? NaN);
    if (day >= 1 && day <= LAST_DAY) request.day = day;
    else if (day > LAST_DAY && day <= 31) {
      request.day = END_OF_MONTH;
      request.dayTooLate = day;
    }
  }
  return request;
}
