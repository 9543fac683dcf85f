// A worker's monthly reminder to pay, and each message it sends. The month's message, one
// asked for the next day and a notice before a rule ends are rows of ReminderSend, keyed so
// that none goes out twice, whatever instances or restarts; they are claimed and settled as
// an announcement's deliveries are (pending → claimed → sending → sent, or unknown when a
// sender died while sending). Times are the person's own: a day, a minute and a time zone.
import type { Queryable } from '../../db/sql.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { unsubscribeAll } from '../subscriptions/subscriptions.ts';

/** Day 0 is the last day of the month. */
export const END_OF_MONTH = 0;
export const LAST_DAY = 28;
export const DEFAULT_MINUTE = 9 * 60;
/** A notice of a rule's end comes this many days before its last day. */
export const NOTICE_DAYS = 14;

export interface Calculation {
  income: number | null;
  transport: boolean | null;
  withJht: boolean | null;
}

export interface ReminderSettings {
  day: number;
  minute: number;
  timeZone: string;
}

export interface PaymentReminderData extends ReminderSettings, Calculation {
  telegramId: number;
  chatId: number;
  paidMonth: string | null;
  active: boolean;
}

/** A message due, with what it is rendered from. */
export interface DueSend extends PaymentReminderData {
  key: string;
  dueAt: Date;
  /** Tries so far, this one included. */
  attempts: number;
  locale: 'id' | 'en' | null;
  languageCode: string | null;
}

export type SendKind = 'month' | 'again' | 'rule';

/** "month:2026-12" → ['month', '2026-12']. */
export function parseSendKey(key: string): [SendKind, string] | undefined {
  const match = /^(month|again|rule):([\d-]{7,10})$/.exec(key);
  return match ? [match[1] as SendKind, match[2]!] : undefined;
}

const toData = (r: {
  telegramId: bigint;
  chatId: bigint;
  day: number;
  minute: number;
  timeZone: string;
  income: number | null;
  transport: boolean | null;
  withJht: boolean | null;
  paidMonth: string | null;
  active: boolean;
}): PaymentReminderData => ({ ...r, telegramId: Number(r.telegramId), chatId: Number(r.chatId) });

export async function reminderOf(prisma: PrismaClient, telegramId: number): Promise<PaymentReminderData | undefined> {
  const row = await prisma.paymentReminder.findUnique({ where: { telegramId: BigInt(telegramId) } });
  return row ? toData(row) : undefined;
}

/**
 * Sets up or changes a person's one reminder. A new one (or one ended by a 403) starts now:
 * months whose moment has passed are not reminded, so one set on the 20th for the 10th starts
 * next month. A change keeps its start, so a month not yet reminded is not lost by moving the
 * time. A calculation given replaces the stored one; one not given keeps it.
 */
export async function saveReminder(
  prisma: PrismaClient,
  input: { telegramId: number; chatId: number; now: Date } & ReminderSettings & Partial<Calculation>,
): Promise<PaymentReminderData> {
  const { telegramId, chatId, now, day, minute, timeZone, ...calculation } = input;
  const fields = { chatId: BigInt(chatId), day, minute, timeZone, active: true, ...calculation };
  const id = BigInt(telegramId);
  const running = (await prisma.paymentReminder.findUnique({ where: { telegramId: id }, select: { active: true } }))?.active;
  const row = await prisma.paymentReminder.upsert({
    where: { telegramId: id },
    create: { telegramId: id, ...fields, startsAt: now },
    update: running ? fields : { ...fields, startsAt: now },
  });
  return toData(row);
}

/** A new calculation by someone with a reminder: the amounts follow it. */
export async function rememberCalculation(prisma: PrismaClient, telegramId: number, calculation: Calculation): Promise<void> {
  await prisma.paymentReminder.updateMany({ where: { telegramId: BigInt(telegramId) }, data: calculation });
}

export async function stopReminder(prisma: PrismaClient, telegramId: number): Promise<boolean> {
  const { count } = await prisma.paymentReminder.deleteMany({ where: { telegramId: BigInt(telegramId) } });
  return count > 0;
}

/** "Sudah bayar": no more reminders in `month`, including one asked for tomorrow. */
export async function markPaid(db: Queryable, telegramId: number, month: string): Promise<void> {
  await db.query(`UPDATE "PaymentReminder" SET "paidMonth" = $2, "updatedAt" = now() WHERE "telegramId" = $1`, [telegramId, month]);
  await db.query(`DELETE FROM "ReminderSend" WHERE "telegramId" = $1 AND status = 'pending' AND key LIKE 'again:' || $2 || '-%'`, [
    telegramId,
    month,
  ]);
}

/** The person's local month at `now`: "2026-12". */
export async function localMonth(db: Queryable, telegramId: number, now: Date): Promise<string | undefined> {
  const { rows } = await db.query<{ month: string }>(
    `SELECT to_char($2::timestamptz AT TIME ZONE "timeZone", 'YYYY-MM') AS month FROM "PaymentReminder" WHERE "telegramId" = $1`,
    [telegramId, now.toISOString()],
  );
  return rows[0]?.month;
}

/**
 * "Ingatkan besok": one more message tomorrow at the reminder's time, unless one is already
 * asked for that day. Returns tomorrow's local date, or undefined without a reminder.
 */
export async function remindTomorrow(db: Queryable, telegramId: number, now: Date): Promise<string | undefined> {
  const { rows } = await db.query<{ day: string }>(
    `WITH r AS (
       SELECT "telegramId", minute, "timeZone", ($2::timestamptz AT TIME ZONE "timeZone")::date + 1 AS day
         FROM "PaymentReminder" WHERE "telegramId" = $1 AND active),
     added AS (
       INSERT INTO "ReminderSend" ("telegramId", key, "dueAt")
       SELECT "telegramId", 'again:' || to_char(day, 'YYYY-MM-DD'), ((day + minute * interval '1 minute') AT TIME ZONE "timeZone") AT TIME ZONE 'UTC'
         FROM r ON CONFLICT DO NOTHING)
     SELECT to_char(day, 'YYYY-MM-DD') AS day FROM r`,
    [telegramId, now.toISOString()],
  );
  return rows[0]?.day;
}

/*
 * The moment of each active reminder in the local month of $1: its day (or the month's last),
 * at its minute, in its zone, as UTC. Due when that moment has come, is not before the
 * reminder was set up, and the month is not marked paid.
 */
const QUEUE_MONTHLY = `
  WITH local AS (
    SELECT "telegramId", day, minute, "timeZone", "paidMonth", "startsAt",
           date_trunc('month', $1::timestamptz AT TIME ZONE "timeZone") AS month
      FROM "PaymentReminder" WHERE active),
  moments AS (
    SELECT "telegramId", to_char(month, 'YYYY-MM') AS month, "paidMonth", "startsAt",
           (((CASE WHEN day = 0 THEN month + interval '1 month' - interval '1 day' ELSE month + (day - 1) * interval '1 day' END)
             + minute * interval '1 minute') AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS due
      FROM local)
  INSERT INTO "ReminderSend" ("telegramId", key, "dueAt")
  SELECT "telegramId", 'month:' || month, due FROM moments
   WHERE due <= $1::timestamptz AT TIME ZONE 'UTC' AND due >= "startsAt" AND "paidMonth" IS DISTINCT FROM month
  ON CONFLICT DO NOTHING`;

/** Queues every month's reminder whose moment has come by `now`; how many were queued. */
export async function queueMonthlyReminders(db: Queryable, now: Date): Promise<number> {
  const { rowCount } = await db.query(QUEUE_MONTHLY, [now.toISOString()]);
  return rowCount ?? 0;
}

/**
 * People with a reminder and a calculation whose notice before `lastDay` (a rule's last day)
 * is due by `now`: NOTICE_DAYS before it, at their reminder's time, and not after it.
 */
export async function noticeCandidates(db: Queryable, lastDay: string, now: Date): Promise<(Calculation & { telegramId: number })[]> {
  const { rows } = await db.query<Calculation & { telegramId: string }>(
    `SELECT r."telegramId"::text AS "telegramId", r.income, r.transport, r."withJht"
       FROM "PaymentReminder" r
      WHERE r.active AND r.transport IS NOT NULL
        AND ((($2::date - $3::int + r.minute * interval '1 minute') AT TIME ZONE r."timeZone") AT TIME ZONE 'UTC')
            BETWEEN r."startsAt" AND $1::timestamptz AT TIME ZONE 'UTC'
        AND ($1::timestamptz AT TIME ZONE r."timeZone")::date <= $2::date
        AND NOT EXISTS (SELECT 1 FROM "ReminderSend" s WHERE s."telegramId" = r."telegramId" AND s.key = 'rule:' || $2)`,
    [now.toISOString(), lastDay, NOTICE_DAYS],
  );
  return rows.map((r) => ({ ...r, telegramId: Number(r.telegramId) }));
}

/** Queues the notice before `lastDay` for these people, once each. */
export async function queueNotices(db: Queryable, lastDay: string, telegramIds: number[], now: Date): Promise<number> {
  if (!telegramIds.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO "ReminderSend" ("telegramId", key, "dueAt")
     SELECT id, 'rule:' || $2, $3::timestamptz AT TIME ZONE 'UTC' FROM unnest($1::bigint[]) id
     ON CONFLICT DO NOTHING`,
    [telegramIds, lastDay, now.toISOString()],
  );
  return rowCount ?? 0;
}

/** Whether any message is due by `now`: the runner takes its lock only then. */
export async function hasDueSends(db: Queryable, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM "ReminderSend" WHERE status IN ('pending', 'claimed', 'sending') AND "dueAt" <= $1::timestamptz AT TIME ZONE 'UTC' LIMIT 1`,
    [now.toISOString()],
  );
  return rows.length > 0;
}

/** What a sender that died left: claimed rows go back, rows being sent become unknown (never sent twice). */
export async function settleAbandonedSends(db: Queryable): Promise<number> {
  await db.query(`UPDATE "ReminderSend" SET status = 'pending' WHERE status = 'claimed'`);
  const { rowCount } = await db.query(
    `UPDATE "ReminderSend" SET status = 'unknown', "lastError" = 'sender stopped while sending' WHERE status = 'sending'`,
  );
  return rowCount ?? 0;
}

/** Up to `limit` messages due by `now`, claimed by the caller, with what renders them. */
export async function claimDueSends(db: Queryable, now: Date, limit: number): Promise<DueSend[]> {
  const { rows } = await db.query<DueSend & { telegramId: string; chatId: string }>(
    `WITH due AS (
       SELECT "telegramId", key FROM "ReminderSend"
        WHERE status = 'pending' AND "dueAt" <= $1::timestamptz AT TIME ZONE 'UTC'
          AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= $1::timestamptz AT TIME ZONE 'UTC')
        ORDER BY "dueAt" LIMIT $2 FOR UPDATE SKIP LOCKED),
     claimed AS (
       UPDATE "ReminderSend" s SET status = 'claimed', attempts = attempts + 1 FROM due
        WHERE s."telegramId" = due."telegramId" AND s.key = due.key RETURNING s."telegramId", s.key, s."dueAt", s.attempts)
     SELECT c."telegramId"::text AS "telegramId", c.key, c."dueAt", c.attempts, r."chatId"::text AS "chatId", r.day, r.minute, r."timeZone",
            r.income, r.transport, r."withJht", r."paidMonth", r.active, u.locale::text AS locale, u."languageCode"
       FROM claimed c JOIN "PaymentReminder" r ON r."telegramId" = c."telegramId"
       LEFT JOIN "User" u ON u."telegramId" = c."telegramId"`,
    [now.toISOString(), limit],
  );
  return rows.map((r) => ({ ...r, telegramId: Number(r.telegramId), chatId: Number(r.chatId) }));
}

type SendRef = Pick<DueSend, 'telegramId' | 'key'>;
const refs = (sends: SendRef[]) => [sends.map((s) => s.telegramId), sends.map((s) => s.key)];
const ONE = `"telegramId" = $1 AND key = $2`;

/** Marks messages about to be handed to Telegram: the window of unknown outcomes. */
export async function markSendsSending(db: Queryable, sends: SendRef[]): Promise<void> {
  await db.query(
    `UPDATE "ReminderSend" s SET status = 'sending' FROM unnest($1::bigint[], $2::text[]) AS x(id, key)
      WHERE s."telegramId" = x.id AND s.key = x.key`,
    refs(sends),
  );
}

export async function markSendSent(db: Queryable, send: SendRef): Promise<void> {
  await db.query(`UPDATE "ReminderSend" SET status = 'sent', "sentAt" = now(), "lastError" = NULL WHERE ${ONE}`, [
    send.telegramId,
    send.key,
  ]);
}

/** Not sent, on purpose: the month was marked paid after the message was queued. */
export async function dropSend(db: Queryable, send: SendRef): Promise<void> {
  await db.query(`DELETE FROM "ReminderSend" WHERE ${ONE}`, [send.telegramId, send.key]);
}

/** 403: the chat is gone for the bot; the reminder ends, as its subscriptions do. */
export async function markSendBlocked(db: Queryable, send: SendRef & { chatId: number }, reason: string): Promise<void> {
  await db.query(`UPDATE "ReminderSend" SET status = 'blocked', "lastError" = $3 WHERE ${ONE}`, [send.telegramId, send.key, reason]);
  await db.query(`UPDATE "PaymentReminder" SET active = false, "updatedAt" = now() WHERE "telegramId" = $1`, [send.telegramId]);
  await unsubscribeAll(db, send.chatId);
}

export async function markSendFailed(db: Queryable, send: SendRef, reason: string): Promise<void> {
  await db.query(`UPDATE "ReminderSend" SET status = 'failed', "lastError" = $3 WHERE ${ONE}`, [send.telegramId, send.key, reason]);
}

export async function retrySendLater(db: Queryable, send: SendRef, delayMs: number, reason: string): Promise<void> {
  await db.query(
    `UPDATE "ReminderSend" SET status = 'pending', "nextAttemptAt" = now() + ($3 || ' milliseconds')::interval, "lastError" = $4 WHERE ${ONE}`,
    [send.telegramId, send.key, String(Math.max(0, Math.round(delayMs))), reason],
  );
}
