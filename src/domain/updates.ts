// Telegram delivers an update again when it did not see our answer in time; each update is
// claimed once, in the database, so retries and other instances skip it. Update ids are unique
// per bot only, so a claim names the bot too.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import type { TelegramPerson } from './users.ts';
import type { ConversationState } from './conversations.ts';
import { CONTEXT_MINUTES, type StoredContext } from './understanding/chat-context.ts';
import { hotQuery, type Queryable } from '../db/sql.ts';

export interface UpdateStart {
  /** False for a redelivery of an update already claimed. */
  fresh: boolean;
  /** The sender's chosen locale, if they chose one. */
  locale: Locale | null;
  /** DataVersion as the update began (with a sender): what is kept in memory is checked against it. */
  dataVersion?: string;
  /** With a chat: the person's guided conversation there and the chat's context for free text, read in the same statement. */
  conversation?: ConversationState | null;
  chatContext?: StoredContext | null;
}

/**
 * Claims the update and records its sender (created on first contact, names kept current, last
 * seen to ten minutes) in one statement: every update pays for it, so it is one round trip and
 * one commit.
 * A redelivered update changes nothing.
 *
 * It goes through the pg pool under Prisma rather than Prisma itself: on this hottest path
 * Prisma's raw-query layer cost 85-200 µs of CPU per call against ~50 µs for pg (parameters
 * are serialised per call; a BigInt alone ~100 µs), which is most of the bot's overhead in
 * `npm run bench:webhook`. Telegram ids are below 2^53, so they go in as numbers; the time is
 * the database's, in UTC as Prisma stores DateTime.
 */
export async function beginUpdate(
  sql: Queryable,
  botId: number,
  updateId: number,
  person: TelegramPerson | undefined,
  chatId?: number,
): Promise<UpdateStart> {
  if (!person) {
    const { rowCount } = await hotQuery(sql, 'claim-update', CLAIM, [botId, updateId]);
    return { fresh: rowCount === 1, locale: null };
  }
  const params = [
    botId,
    updateId,
    person.id,
    person.first_name,
    person.last_name ?? null,
    person.username ?? null,
    person.language_code ?? null,
  ];
  if (chatId === undefined) {
    const { rows } = await hotQuery<{ fresh: boolean; locale: string | null; dataVersion: string | null }>(
      sql,
      'begin-update',
      BEGIN_UPDATE,
      params,
    );
    const row = rows[0];
    return { fresh: row?.fresh === true, locale: isLocale(row?.locale) ? row.locale : null, ...versionOf(row) };
  }
  const { rows } = await hotQuery<{
    fresh: boolean;
    locale: string | null;
    dataVersion: string | null;
    conversation: ConversationState | null;
    context: StoredContext | null;
  }>(sql, 'begin-update-in-chat', BEGIN_UPDATE_IN_CHAT, [...params, chatId, CONTEXT_MINUTES]);
  const row = rows[0];
  return {
    fresh: row?.fresh === true,
    locale: isLocale(row?.locale) ? row.locale : null,
    ...versionOf(row),
    conversation: row?.conversation ?? null,
    chatContext: row?.context ?? null,
  };
}

/**
 * A person's row is rewritten when their names change, or when last seen is older than this:
 * someone chatting does not rewrite it with every message (last seen is shown as a day).
 */
const LAST_SEEN_PRECISION_MINUTES = 10;

const CLAIM = `
  INSERT INTO "ProcessedUpdate" ("botId", "updateId", "receivedAt") VALUES ($1, $2, now() AT TIME ZONE 'UTC')
  ON CONFLICT DO NOTHING`;

const BEGIN_UPDATE = `
  WITH claim AS (${CLAIM} RETURNING 1), sender AS (
    INSERT INTO "User" ("telegramId", "firstName", "lastName", "username", "languageCode", "firstSeenAt", "lastSeenAt")
    SELECT $3, $4, $5, $6, $7, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM claim
    ON CONFLICT ("telegramId") DO UPDATE SET
      "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName", "username" = EXCLUDED."username",
      "languageCode" = EXCLUDED."languageCode", "lastSeenAt" = EXCLUDED."lastSeenAt"
    WHERE ("User"."firstName", "User"."lastName", "User"."username", "User"."languageCode")
            IS DISTINCT FROM (EXCLUDED."firstName", EXCLUDED."lastName", EXCLUDED."username", EXCLUDED."languageCode")
       OR "User"."lastSeenAt" < EXCLUDED."lastSeenAt" - interval '${LAST_SEEN_PRECISION_MINUTES} minutes'
    RETURNING "locale"::text
  )
  SELECT EXISTS (SELECT 1 FROM claim) AS fresh,
         CASE WHEN EXISTS (SELECT 1 FROM claim)
              THEN COALESCE((SELECT "locale" FROM sender), (SELECT "locale"::text FROM "User" WHERE "telegramId" = $3)) END AS locale,
         (SELECT "version"::text FROM "DataVersion" WHERE id = 1) AS "dataVersion"`;

/** The same, with what the person has going on in the chat: a guided conversation, the free-text context. */
const BEGIN_UPDATE_IN_CHAT = `${BEGIN_UPDATE},
  (SELECT json_build_object('flow', flow, 'step', step, 'data', data) FROM "ConversationState" WHERE "chatId" = $8 AND "userId" = $3) AS conversation,
  (SELECT data FROM "ChatContext" WHERE "chatId" = $8 AND "userId" = $3
      AND "updatedAt" > (now() AT TIME ZONE 'UTC') - make_interval(mins => $9)) AS context`;

const versionOf = (row: { dataVersion: string | null } | undefined) => (row?.dataVersion ? { dataVersion: row.dataVersion } : {});

/** Telegram retries for at most a day; older claims are only weight. */
export async function forgetProcessedUpdates(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const { count } = await prisma.processedUpdate.deleteMany({ where: { receivedAt: { lt: olderThan } } });
  return count;
}
