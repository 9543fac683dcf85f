// Announcements and their deliveries. Queuing materialises the audience inside PostgreSQL in
// one statement, one row per (announcement, chat): memory does not grow with the audience,
// and the primary key makes a second copy to any chat impossible.
import type pg from 'pg';

type Queryable = Pick<pg.Pool, 'query'>;

export interface NewAnnouncement {
  regionCode: string;
  ceremonyId?: string | null;
  text: string;
  createdBy: string;
  paidBroadcast?: boolean;
}

export async function createAnnouncement(db: Queryable, input: NewAnnouncement): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "Announcement" ("regionCode", "ceremonyId", text, "createdBy", "paidBroadcast") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.regionCode, input.ceremonyId ?? null, input.text, input.createdBy, input.paidBroadcast ?? false],
  );
  return rows[0]!.id;
}

/*
 * The audience of a region R: subscribers of R; of a region above R whose subscription
 * includes what lies below (Indonesia, "00", is above every province); and of any region
 * below R. A chat subscribed several ways gets one row.
 */
const QUEUE = `
  WITH queued AS (
    UPDATE "Announcement" SET status = 'queued', "queuedAt" = now() WHERE id = $1 AND status = 'draft' RETURNING id, "regionCode"
  ), audience AS (
    INSERT INTO "Delivery" ("announcementId", "chatId")
    SELECT DISTINCT q.id, s."chatId" FROM queued q JOIN "Subscription" s ON s.active AND (
         s."regionCode" = q."regionCode"
      OR q."regionCode" = '00'
      OR (s."includeChildren" AND (s."regionCode" = '00' OR q."regionCode" LIKE s."regionCode" || '.%'))
      OR s."regionCode" LIKE q."regionCode" || '.%')
    ON CONFLICT DO NOTHING
    RETURNING 1)
  SELECT (SELECT count(*) FROM queued)::int AS queued, (SELECT count(*) FROM audience)::int AS recipients`;

/** Moves a draft to the queue with its audience; undefined when it was not a draft. */
export async function queueAnnouncement(db: Queryable, id: number): Promise<number | undefined> {
  const { rows } = await db.query<{ queued: number; recipients: number }>(QUEUE, [id]);
  return rows[0]!.queued ? rows[0]!.recipients : undefined;
}

export interface AnnouncementToSend {
  id: number;
  text: string;
  paidBroadcast: boolean;
  status: string;
}

export async function announcementToSend(db: Queryable, id: number): Promise<AnnouncementToSend | undefined> {
  const { rows } = await db.query<AnnouncementToSend>(
    `SELECT id, text, "paidBroadcast", status::text AS status FROM "Announcement" WHERE id = $1`,
    [id],
  );
  return rows[0];
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
