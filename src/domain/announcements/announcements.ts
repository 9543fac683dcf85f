// Announcements and their deliveries. Queuing materialises the audience inside PostgreSQL in
// one statement, one row per (announcement, chat): memory does not grow with the audience,
// and the primary key makes a second copy to any chat impossible.
import type { Queryable } from '../../db/sql.ts';

export interface NewAnnouncement {
  regionCode: string;
  ceremonyId?: string | null;
  text: string;
  /** The same in English, for subscribers who chose English. */
  textEn?: string | null;
  createdBy: string;
  paidBroadcast?: boolean;
}

export async function createAnnouncement(db: Queryable, input: NewAnnouncement): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "Announcement" ("regionCode", "ceremonyId", text, "textEn", "createdBy", "paidBroadcast")
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.regionCode, input.ceremonyId ?? null, input.text, input.textEn ?? null, input.createdBy, input.paidBroadcast ?? false],
  );
  return rows[0]!.id;
}

/*
 * The audience of a region R ($R): subscribers of R; of a region above R whose subscription
 * includes what lies below (Indonesia, "00", is above every province); and of any region
 * below R. A chat subscribed several ways counts once.
 */
const AUDIENCE = (region: string) => `s.active AND (
         s."regionCode" = ${region}
      OR ${region} = '00'
      OR (s."includeChildren" AND (s."regionCode" = '00' OR ${region} LIKE s."regionCode" || '.%'))
      OR s."regionCode" LIKE ${region} || '.%')`;

const QUEUE = `
  WITH queued AS (
    UPDATE "Announcement" SET status = 'queued', "queuedAt" = now() WHERE id = $1 AND status = 'draft' RETURNING id, "regionCode"
  ), audience AS (
    INSERT INTO "Delivery" ("announcementId", "chatId")
    SELECT DISTINCT q.id, s."chatId" FROM queued q JOIN "Subscription" s ON ${AUDIENCE('q."regionCode"')}
    ON CONFLICT DO NOTHING
    RETURNING 1)
  SELECT (SELECT count(*) FROM queued)::int AS queued, (SELECT count(*) FROM audience)::int AS recipients`;

/** How many chats an announcement about the region would reach now. */
export async function audienceSize(db: Queryable, regionCode: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT s."chatId")::int AS n FROM "Subscription" s WHERE ${AUDIENCE('$1')}`,
    [regionCode],
  );
  return rows[0]!.n;
}

/** Moves a draft to the queue with its audience; undefined when it was not a draft. */
export async function queueAnnouncement(db: Queryable, id: number): Promise<number | undefined> {
  const { rows } = await db.query<{ queued: number; recipients: number }>(QUEUE, [id]);
  return rows[0]!.queued ? rows[0]!.recipients : undefined;
}

export interface AnnouncementToSend {
  id: number;
  regionCode: string;
  text: string;
  textEn: string | null;
  paidBroadcast: boolean;
  status: string;
  createdBy: string;
  statusChatId: string | null;
  statusMessageId: number | null;
}

export async function announcementToSend(db: Queryable, id: number): Promise<AnnouncementToSend | undefined> {
  const { rows } = await db.query<AnnouncementToSend>(
    `SELECT id, "regionCode", text, "textEn", "paidBroadcast", status::text AS status, "createdBy", "statusChatId"::text AS "statusChatId",
            "statusMessageId" FROM "Announcement" WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Of these chats, the people who chose English (a group has no such choice). */
export async function englishReaders(db: Queryable, chatIds: number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT "telegramId"::text AS id FROM "User" WHERE "telegramId" = ANY($1::bigint[]) AND locale = 'en'`,
    [chatIds],
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Announcements that were queued or being sent: what a starting sender takes up. */
export async function unfinishedAnnouncements(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM "Announcement" WHERE status IN ('queued', 'sending') ORDER BY "queuedAt", id`,
  );
  return rows.map((r) => r.id);
}

export type DeliveryCounts = Record<'pending' | 'claimed' | 'sending' | 'sent' | 'blocked' | 'failed' | 'unknown', number>;

export async function deliveryCounts(db: Queryable, announcementId: number): Promise<DeliveryCounts> {
  const { rows } = await db.query<{ status: keyof DeliveryCounts; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM "Delivery" WHERE "announcementId" = $1 GROUP BY status`,
    [announcementId],
  );
  const counts: DeliveryCounts = { pending: 0, claimed: 0, sending: 0, sent: 0, blocked: 0, failed: 0, unknown: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Where the sender reports progress: the message the official sees. */
export async function setStatusMessage(db: Queryable, id: number, chatId: number, messageId: number): Promise<void> {
  await db.query(`UPDATE "Announcement" SET "statusChatId" = $2, "statusMessageId" = $3 WHERE id = $1`, [id, chatId, messageId]);
}

/** Cancels an announcement that has not finished; false when there was nothing to cancel. */
export async function cancelAnnouncement(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE "Announcement" SET status = 'cancelled', "finishedAt" = now() WHERE id = $1 AND status IN ('draft', 'queued', 'sending')`,
    [id],
  );
  return (rowCount ?? 0) > 0;
}
