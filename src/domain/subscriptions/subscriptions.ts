// Which chats want announcements about which regions.
import type { Queryable } from '../../db/sql.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';

export interface SubscriptionView {
  regionCode: string;
  regionName: string;
  level: string;
  includeChildren: boolean;
}

export type SubscribeOutcome = 'created' | 'updated' | 'unchanged';

/** Subscribes a chat, or reactivates and updates its subscription to the region. */
export async function subscribe(db: Queryable, chatId: number, regionCode: string, includeChildren: boolean): Promise<SubscribeOutcome> {
  const { rows } = await db.query<{ inserted: boolean; changed: boolean }>(
    `INSERT INTO "Subscription" ("chatId", "regionCode", "includeChildren", active, "updatedAt")
     VALUES ($1, $2, $3, true, now())
     ON CONFLICT ("chatId", "regionCode") DO UPDATE SET "includeChildren" = EXCLUDED."includeChildren", active = true, "updatedAt" = now()
       WHERE ("Subscription"."includeChildren", "Subscription".active) IS DISTINCT FROM (EXCLUDED."includeChildren", true)
     RETURNING (xmax = 0) AS inserted, true AS changed`,
    [chatId, regionCode, includeChildren],
  );
  return rows[0] ? (rows[0].inserted ? 'created' : 'updated') : 'unchanged';
}

/** True when there was an active subscription to drop. */
export async function unsubscribe(db: Queryable, chatId: number, regionCode: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE "Subscription" SET active = false, "updatedAt" = now() WHERE "chatId" = $1 AND "regionCode" = $2 AND active`,
    [chatId, regionCode],
  );
  return (rowCount ?? 0) > 0;
}

/** Drops every subscription of a chat; how many were active. */
export async function unsubscribeAll(db: Queryable, chatId: number): Promise<number> {
  const { rowCount } = await db.query(`UPDATE "Subscription" SET active = false, "updatedAt" = now() WHERE "chatId" = $1 AND active`, [
    chatId,
  ]);
  return rowCount ?? 0;
}

export async function listSubscriptions(db: Queryable, chatId: number): Promise<SubscriptionView[]> {
  const { rows } = await db.query<SubscriptionView>(
    `SELECT s."regionCode", r.name AS "regionName", r.level::text AS level, s."includeChildren"
       FROM "Subscription" s JOIN "Region" r ON r.code = s."regionCode"
      WHERE s."chatId" = $1 AND s.active ORDER BY r.code`,
    [chatId],
  );
  return rows;
}

/** "13.74" ⇄ "13-74": start parameters allow only letters, digits, _ and -. */
export const regionCodeToStartParam = (code: string) => `sub_${code.replace(/\./g, '-')}`;
export function regionCodeFromStartParam(param: string): string | undefined {
  const m = /^sub_(\d{2}(?:-\d{2}){0,2}(?:-\d{4})?)$/.exec(param);
  return m ? m[1]!.replace(/-/g, '.') : undefined;
}

/** The region a chat follows first: where its person most likely lives (for their time zone). */
export async function homeRegionOf(prisma: PrismaClient, chatId: number): Promise<string | undefined> {
  const row = await prisma.subscription.findFirst({ where: { chatId: BigInt(chatId), active: true }, orderBy: { createdAt: 'asc' } });
  return row?.regionCode;
}
