// Wires configuration → database → bot → HTTP server → polling or webhook, and takes it all
// down again in reverse. main.ts runs it; tests run it in-process against the Bot API double.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { GrammyError } from 'grammy';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createBot } from './bot/bot.ts';
import { registerCommands } from './bot/commands.ts';
import { startBroadcastRunner, type BroadcastRunner } from './jobs/broadcast-runner.ts';
import { announcementStatusReporter } from './bot/announce-status.ts';
import { queueDueReminders } from './jobs/ceremony-reminders.ts';
import { paymentReminderJobs } from './jobs/payment-reminders.ts';
import type { BotDeps } from './bot/context.ts';
import { openDatabase, type Database } from './db/database.ts';
import { seedDatabase } from './db/seed.ts';
import { prepareUnderstanding } from './bot/features/free-text.ts';
import { forgetProcessedUpdates } from './domain/updates.ts';
import { cachedReads } from './domain/cached-reads.ts';
import { forgetOldChatContexts } from './domain/understanding/chat-context.ts';
import { createI18n } from './i18n/i18n.ts';
import { InFlight } from './lifecycle.ts';
import { createApp } from './server/app.ts';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** Backoff between tries to reach Telegram at start-up: 1 s, doubling, at most 30 s. */
export const TELEGRAM_BACKOFF = { firstMs: 1_000, maxMs: 30_000 };

/**
 * The call, tried until Telegram answers it, each failure logged with what comes next. A refusal
 * that no retry can change (a wrong token: 401; 404) is thrown at once.
 */
async function untilReached<T>(what: string, call: () => Promise<T>, logger: Logger, signal: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const code = err instanceof GrammyError ? err.error_code : undefined;
      if (signal.aborted || code === 401 || code === 404) throw err;
      const retryInMs = Math.min(TELEGRAM_BACKOFF.maxMs, TELEGRAM_BACKOFF.firstMs * 2 ** (attempt - 1));
      logger.warn({ err: (err as Error).message, attempt, retryInMs }, `Telegram not reachable (${what}); trying again`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryInMs);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    }
  }
}

const SHUTDOWN_BUDGET_MS = 8_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Service {
  url: string;
  db: Database;
  /** Looks for announcements and reminders to send now rather than at the next poll. */
  kick(): void;
  stop(): Promise<void>;
}

/** `clock`: what the bot takes for now (tests fix it; the date decides which contribution rules apply). */
export async function startService(
  config: Config & { BOT_TOKEN: string },
  logger: Logger,
  opts: { clock?: () => Date } = {},
): Promise<Service> {
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
  let server: http.Server | undefined;
  let runner: RunnerHandle | undefined;
  let broadcasts: BroadcastRunner | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let draining = false;
  const inFlight = new InFlight();

  const stopping = new AbortController();
  const stop = async () => {
    draining = true;
    stopping.abort();
    clearInterval(pruneTimer);
    const stopped: Promise<unknown>[] = [];
    if (runner?.isRunning()) stopped.push(runner.stop());
    // Sends in flight finish; what was not handed to Telegram goes back to the queue.
    if (broadcasts) stopped.push(broadcasts.stop());
    if (server) {
      const s = server;
      stopped.push(new Promise((resolve) => s.close(resolve)));
      s.closeIdleConnections();
    }
    const idle = await inFlight.idle(SHUTDOWN_BUDGET_MS);
    if (!idle) logger.warn({ inFlight: inFlight.size }, 'shutdown budget spent with updates still in flight');
    server?.closeAllConnections();
    await Promise.all(stopped);
    await db.close();
    logger.info('stopped');
  };

  try {
    const seeded = await seedDatabase(db.bulkPool, { logger });
    if (Object.keys(seeded).length) logger.info({ seeded }, 'seed data loaded');

    const i18n = createI18n(config.DEFAULT_LOCALE);
    const botDeps: BotDeps = {
      reads: cachedReads(db),
      prisma: db.prisma,
      pool: db.pool,
      logger,
      i18n,
      defaultLocale: config.DEFAULT_LOCALE,
      apiRoot: config.TELEGRAM_API_ROOT,
      inFlight,
      ...opts,
    };
    const bot = createBot(config.BOT_TOKEN, botDeps, { apiRoot: config.TELEGRAM_API_ROOT, webhook: config.BOT_MODE === 'webhook' });

    // The HTTP server comes first: /healthz answers while Telegram is still being reached, and
    // /readyz says what is missing.
    const webhook = config.BOT_MODE === 'webhook' ? { bot, secret: config.WEBHOOK_SECRET, url: config.WEBHOOK_URL } : undefined;
    let telegramReached = false;
    const app = createApp({
      logger,
      checkReady: async () => {
        if (!telegramReached) throw Object.assign(new Error('Telegram not reached yet'), { reason: 'telegram' });
        await db.ping();
      },
      webhook,
      isDraining: () => draining,
      admin: {
        prisma: db.prisma,
        pool: db.pool,
        imports: { pgConfig: db.pgConfig, memoryMb: config.IMPORT_MEMORY_MB },
        i18n,
        token: config.ADMIN_API_TOKEN,
        broadcasts: { kick: () => broadcasts?.kick() },
        clock: opts.clock,
      },
    });
    server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject).listen(config.PORT, config.HOST, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;

    const reach = <T>(what: string, call: () => Promise<T>) => untilReached(what, call, logger, stopping.signal);
    // grammY's own init retries getMe silently for ever: ask ourselves, logging each try, and hand it the answer.
    bot.botInfo = await reach('getMe', () => bot.api.getMe());
    await bot.init();
    await registerCommands(bot.api, i18n, config.DEFAULT_LOCALE).catch((err: unknown) =>
      logger.warn({ err }, 'could not register the command list'),
    );
    if (webhook) {
      await reach('setWebhook', () =>
        bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...ALLOWED_UPDATES] }),
      );
    } else {
      await reach('deleteWebhook', () => bot.api.deleteWebhook());
      runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    }
    telegramReached = true;

    const clock = () => opts.clock?.() ?? new Date();
    const payments = paymentReminderJobs({ db, i18n, defaultLocale: config.DEFAULT_LOCALE, rate: config.BROADCAST_RATE, clock, logger });
    broadcasts = startBroadcastRunner(db.pool, {
      token: config.BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      pgConfig: db.pgConfig,
      rate: config.BROADCAST_RATE,
      paidRate: config.BROADCAST_PAID_RATE,
      logger,
      beforePoll: async () => {
        await queueDueReminders(db, i18n, clock());
        await payments.queue();
      },
      reminders: payments.reminders,
      onProgress: announcementStatusReporter({
        api: bot.api,
        pool: db.pool,
        prisma: db.prisma,
        i18n,
        defaultLocale: config.DEFAULT_LOCALE,
        logger,
        rates: { rate: config.BROADCAST_RATE, paidRate: config.BROADCAST_PAID_RATE },
      }),
    });
    botDeps.broadcasts = broadcasts;

    pruneTimer = setInterval(
      () => {
        forgetProcessedUpdates(db.prisma, new Date(Date.now() - 2 * DAY_MS)).catch((err: unknown) =>
          logger.warn({ err }, 'could not prune processed updates'),
        );
        forgetOldChatContexts(db.pool).catch((err: unknown) => logger.warn({ err }, 'could not prune chat contexts'));
      },
      60 * 60 * 1000,
    ).unref();

    logger.info({ url, mode: config.BOT_MODE, database: db.kind, bot: bot.botInfo.username }, 'Paritrana Bot is running');
    // A failure here is only logged: the first free-text question tries again.
    const preparing = performance.now();
    prepareUnderstanding(botDeps).then(
      () => logger.info({ ms: Math.round(performance.now() - preparing) }, 'understanding prepared'),
      (err: unknown) => logger.warn({ err }, 'could not prepare understanding'),
    );
    return { url, db, stop, kick: () => broadcasts?.kick() };
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
}
