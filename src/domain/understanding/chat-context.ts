// What a chat asked last, kept in the database for 15 minutes so that a follow-up ("kalo
// jambi?", "iurannya brp?") is understood by whichever instance receives it.
//
// Raw SQL on the pool, as for the update claim (updates.ts): it is read and written on every
// free-text message, and Prisma's query layer costs more CPU per call than the statement.
import type pg from 'pg';
import type { ChatContext } from './understand.ts';

type Queryable = Pick<pg.Pool, 'query'>;

export const CONTEXT_MINUTES = 15;

/** The context, with the question it came from (for 👎 feedback), when fresh. */
export interface StoredContext extends ChatContext {
  question?: string;
}

export async function loadChatContext(db: Queryable, chatId: number, userId: number): Promise<StoredContext | undefined> {
  const { rows } = await db.query<{ data: StoredContext }>(
    `SELECT data FROM "ChatContext" WHERE "chatId" = $1 AND "userId" = $2
        AND "updatedAt" > (now() AT TIME ZONE 'UTC') - make_interval(mins => $3)`,
    [chatId, userId, CONTEXT_MINUTES],
  );
  return rows[0]?.data;
}

export async function saveChatContext(db: Queryable, chatId: number, userId: number, context: StoredContext): Promise<void> {
  await db.query(
    `INSERT INTO "ChatContext" ("chatId", "userId", data, "updatedAt") VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("chatId", "userId") DO UPDATE SET data = EXCLUDED.data, "updatedAt" = EXCLUDED."updatedAt"`,
    [chatId, userId, JSON.stringify(context)],
  );
}

/** Contexts are worth nothing after 15 minutes. */
export async function forgetOldChatContexts(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM "ChatContext" WHERE "updatedAt" < (now() AT TIME ZONE 'UTC') - make_interval(mins => $1)`,
    [CONTEXT_MINUTES],
  );
  return rowCount ?? 0;
}
