// Guided conversations' state, one per person and chat, in the database: a restart of the bot
// (or another instance answering the next message) continues where the person was.
import { jsonForDb } from './text.ts';
import type { Queryable } from '../db/sql.ts';

export interface ConversationState<D = Record<string, unknown>> {
  flow: string;
  step: string;
  data: D;
}

export async function loadConversation(db: Queryable, chatId: number, userId: number): Promise<ConversationState | undefined> {
  const { rows } = await db.query<ConversationState>(
    'SELECT flow, step, data FROM "ConversationState" WHERE "chatId" = $1 AND "userId" = $2',
    [chatId, userId],
  );
  return rows[0];
}

export async function saveConversation(db: Queryable, chatId: number, userId: number, state: ConversationState): Promise<void> {
  await db.query(
    `INSERT INTO "ConversationState" ("chatId", "userId", flow, step, data, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT ("chatId", "userId") DO UPDATE SET flow = EXCLUDED.flow, step = EXCLUDED.step, data = EXCLUDED.data, "updatedAt" = now()`,
    [chatId, userId, state.flow, state.step, jsonForDb(state.data)],
  );
}

export async function endConversation(db: Queryable, chatId: number, userId: number): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM "ConversationState" WHERE "chatId" = $1 AND "userId" = $2', [chatId, userId]);
  return (rowCount ?? 0) > 0;
}
