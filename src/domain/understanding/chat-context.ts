// What a chat asked last, kept in the database for 15 minutes so that a follow-up ("kalo
// jambi?", "iurannya brp?") is understood by whichever instance receives it.
//
// Raw SQL on the pool, as for the update claim (updates.ts): it is read and written on every
// free-text message, and Prisma's query layer costs more CPU per call than the statement.
import { jsonForDb } from '../text.ts';
import type { ChatContext, Understanding } from './understand.ts';
import { hotQuery, type Queryable } from '../../db/sql.ts';

export const CONTEXT_MINUTES = 15;

/** The context, with the question it came from (for 👎 feedback), when fresh. */
export interface StoredContext extends ChatContext {
  question?: string;
}

/**
 * What to keep of an answered question for the next: its answer, language and slots; the
 * region it was about (resolved by the bot, else the place's first candidate), or the one it
 * took over from the last question.
 */
export function contextAfter(
  u: Understanding,
  answered: { target: string; lang: 'id' | 'en'; question?: string; placeCode?: string | undefined; previous?: StoredContext | undefined },
): StoredContext {
  const place = u.slots.places[0];
  const kept = !place && u.fromContext.includes('place') ? answered.previous : undefined;
  const placeText = place?.text ?? kept?.placeText;
  // The bot says which region it answered about (none, when it offered choices); the evaluation
  // has no database and takes the place's first candidate.
  const placeCode = 'placeCode' in answered ? (answered.placeCode ?? kept?.placeCode) : (place?.candidates[0]?.code ?? kept?.placeCode);
  return {
    target: answered.target,
    lang: answered.lang,
    ...(answered.question !== undefined ? { question: answered.question } : {}),
    ...(placeText ? { placeText } : {}),
    ...(placeCode ? { placeCode } : {}),
    ...(u.slots.income !== undefined ? { income: u.slots.income } : {}),
    ...(u.slots.year !== undefined ? { year: u.slots.year } : {}),
    ...(u.slots.withJht !== undefined ? { withJht: u.slots.withJht } : {}),
    ...(u.slots.transport !== undefined ? { transport: u.slots.transport } : {}),
  };
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
  await hotQuery(
    db,
    'save-chat-context',
    `INSERT INTO "ChatContext" ("chatId", "userId", data, "updatedAt") VALUES ($1, $2, $3, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("chatId", "userId") DO UPDATE SET data = EXCLUDED.data, "updatedAt" = EXCLUDED."updatedAt"`,
    [chatId, userId, jsonForDb(context)],
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
