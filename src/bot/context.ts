import type { CachedReads } from '../domain/cached-reads.ts';
import type { Context } from 'grammy';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { I18n, TFunction } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { InFlight } from '../lifecycle.ts';
import type { ButtonSigner } from './callback-data.ts';
import type { ConversationState } from '../domain/conversations.ts';
import type { StoredContext } from '../domain/understanding/chat-context.ts';

/** What the bot needs from the outside; tests and the console hand in their own. */
export interface BotDeps {
  prisma: PrismaClient;
  /** The pool under Prisma: the per-update statement skips Prisma's runtime (domain/updates.ts). */
  pool: Pool;
  logger: Logger;
  i18n: I18n;
  defaultLocale: Locale;
  /** Where files are downloaded from: the Bot API root (TELEGRAM_API_ROOT). */
  apiRoot?: string;
  /** When given, every update is counted in it while handled, so shutdown can wait for them. */
  inFlight?: InFlight;
  /** Now; tests fix it, so that answers that depend on the date (contribution discounts) are stable. */
  clock?: () => Date;
  /** Wakes the broadcast runner when an announcement is queued. */
  broadcasts?: { kick(): void };
  /** Reports, award histories and rules as kept in memory until the data changes. */
  reads: CachedReads;
}

export interface BotContextFlavor {
  deps: BotDeps;
  /** Signs and checks the data of buttons that carry state. */
  buttons: ButtonSigner;
  /** The guided conversation this person is in here, read once per update. */
  conversation: () => Promise<ConversationState | undefined>;
  /** What this chat asked last (15 minutes), for free-text follow-ups; read once per update. */
  chatContext: () => Promise<StoredContext | undefined>;
  /** What the update's first statement already read (see beginUpdate). */
  preloaded: { conversation?: ConversationState | undefined; chatContext?: StoredContext | undefined };
  locale: Locale;
  /** The person picked the language with /bahasa: answers stay in it whatever they type. */
  localeChosen: boolean;
  t: TFunction;
}

export type BotContext = Context & BotContextFlavor;
