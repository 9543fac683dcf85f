// The day before a ceremony, from REMINDER_HOUR in Jakarta, its invitation goes to its
// audience once: the first instance to mark the ceremony reminded queues it.
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createAnnouncement, queueAnnouncement } from '../domain/announcements/announcements.ts';
import { claimDueReminders } from '../domain/awards/ceremonies.ts';
import { nextDay, todayInJakarta } from '../domain/calendar.ts';
import { audit } from '../domain/roles/audit.ts';
import type { I18n } from '../i18n/i18n.ts';
import { draftCeremonyAnnouncementBoth } from '../bot/announce-draft.ts';

export const REMINDER_HOUR = 9;

const hourInJakarta = (now: Date) =>
  Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(now));

/** Queues the reminders due at `now`; the ids of the announcements queued. */
export async function queueDueReminders(db: { prisma: PrismaClient; pool: pg.Pool }, i18n: I18n, now: Date): Promise<number[]> {
  if (hourInJakarta(now) < REMINDER_HOUR) return [];
  const { pool } = db;
  const today = todayInJakarta(now);
  const queued: number[] = [];
  for (const ceremonyId of await claimDueReminders(pool, nextDay(today))) {
    const draft = await draftCeremonyAnnouncementBoth(db, i18n, ceremonyId, today, { key: 'announce:reminder' });
    if (!draft) continue;
    const { text, textEn, regionCode } = draft;
    const id = await createAnnouncement(pool, { regionCode, ceremonyId, text, textEn, createdBy: 'reminder' });
    const recipients = await queueAnnouncement(pool, id);
    await audit(pool, {
      actor: 'reminder',
      action: 'announcement.reminder',
      target: `announcement:${id}`,
      details: { ceremonyId, recipients },
    });
    queued.push(id);
  }
  return queued;
}
