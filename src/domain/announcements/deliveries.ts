// The life of one delivery: claimed (sending), then sent, blocked, failed, retried later, or,
// when a sender died holding it, unknown. Claims use SKIP LOCKED, so two senders never take
// the same row.
import type { Queryable } from '../../db/sql.ts';
import { unsubscribeAll } from '../subscriptions/subscriptions.ts';

/**
 * What a sender that died left behind. Rows it had only claimed go back to the queue; rows
 * it had handed to Telegram may have arrived, so they are not sent again (at most once).
 * Called by the one sender that holds the broadcast lock.
 */
export async function settleAbandoned(db: Queryable, announcementId: number): Promise<number> {
  await db.query(`UPDATE "Delivery" SET status = 'pending' WHERE "announcementId" = $1 AND status = 'claimed'`, [announcementId]);
  const { rowCount } = await db.query(
    `UPDATE "Delivery" SET status = 'unknown', "lastError" = 'sender stopped while sending'
      WHERE "announcementId" = $1 AND status = 'sending'`,
    [announcementId],
  );
  return rowCount ?? 0;
}

/** Marks the chats about to be handed to Telegram, a few at a time: the window of unknown outcomes. */
export async function markSendingMany(db: Queryable, announcementId: number, chatIds: number[]): Promise<void> {
  await db.query(`UPDATE "Delivery" SET status = 'sending' WHERE "announcementId" = $1 AND "chatId" = ANY($2::bigint[])`, [
    announcementId,
    chatIds,
  ]);
}

/** Up to `limit` chats due for this announcement, now claimed by the caller. */
export async function claimDeliveries(db: Queryable, announcementId: number, limit: number): Promise<number[]> {
  const { rows } = await db.query<{ chatId: string }>(
    `UPDATE "Delivery" d SET status = 'claimed', attempts = attempts + 1
      FROM (SELECT "chatId" FROM "Delivery"
             WHERE "announcementId" = $1 AND status = 'pending' AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now())
             ORDER BY "chatId" LIMIT $2 FOR UPDATE SKIP LOCKED) due
      WHERE d."announcementId" = $1 AND d."chatId" = due."chatId"
      RETURNING d."chatId"::text AS "chatId"`,
    [announcementId, limit],
  );
  return rows.map((r) => Number(r.chatId));
}

export async function markSent(db: Queryable, announcementId: number, chatId: number): Promise<void> {
  await db.query(
    `UPDATE "Delivery" SET status = 'sent', "sentAt" = now(), "lastError" = NULL WHERE "announcementId" = $1 AND "chatId" = $2`,
    [announcementId, chatId],
  );
}

/** 403: the chat is gone for the bot; its subscriptions end too. */
export async function markBlocked(db: Queryable, announcementId: number, chatId: number, reason: string): Promise<void> {
  await db.query(`UPDATE "Delivery" SET status = 'blocked', "lastError" = $3 WHERE "announcementId" = $1 AND "chatId" = $2`, [
    announcementId,
    chatId,
    reason,
  ]);
  await unsubscribeAll(db, chatId);
}

export async function markFailed(db: Queryable, announcementId: number, chatId: number, reason: string): Promise<void> {
  await db.query(`UPDATE "Delivery" SET status = 'failed', "lastError" = $3 WHERE "announcementId" = $1 AND "chatId" = $2`, [
    announcementId,
    chatId,
    reason,
  ]);
}

/** Back to the queue, due after `delayMs` (0 for a 429: the whole sender waits instead). */
export async function retryLater(db: Queryable, announcementId: number, chatId: number, delayMs: number, reason: string): Promise<void> {
  await db.query(
    `UPDATE "Delivery" SET status = 'pending', "nextAttemptAt" = now() + ($3 || ' milliseconds')::interval, "lastError" = $4
      WHERE "announcementId" = $1 AND "chatId" = $2`,
    [announcementId, chatId, String(Math.max(0, Math.round(delayMs))), reason],
  );
}

/** When the next retry is due, if any row waits for one. */
export async function nextRetryAt(db: Queryable, announcementId: number): Promise<Date | undefined> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min("nextAttemptAt") AS at FROM "Delivery" WHERE "announcementId" = $1 AND status = 'pending'`,
    [announcementId],
  );
  return rows[0]?.at ?? undefined;
}

export async function finishAnnouncement(db: Queryable, announcementId: number, status: 'done' | 'cancelled'): Promise<void> {
  await db.query(`UPDATE "Announcement" SET status = $2, "finishedAt" = now() WHERE id = $1 AND status IN ('queued', 'sending')`, [
    announcementId,
    status,
  ]);
}

export async function markSending(db: Queryable, announcementId: number): Promise<void> {
  await db.query(`UPDATE "Announcement" SET status = 'sending' WHERE id = $1 AND status = 'queued'`, [announcementId]);
}
