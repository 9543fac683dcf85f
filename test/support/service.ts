// A whole bot service in the test process: real HTTP, a real database, the Bot API double.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { loadConfig, type Config } from '../../src/config.ts';
import { startService, type Service } from '../../src/service.ts';
import { WEBHOOK_PATH } from '../../src/server/app.ts';
import type { LocalBotApi } from '../../src/bot-api-double/local-bot-api.ts';
import { startBotApiDouble } from './bot-api-double.ts';
import { captureLogs, type LogLine } from './logs.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';

/** A fresh DATA_DIR for the embedded database, in the TestDatabase shape (`url` is the directory). */
async function createEmbeddedDataDir(): Promise<TestDatabase> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'paritrana-data-'));
  return { name: path.basename(dir), url: dir, drop: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const TEST_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstu';
export const TEST_SECRET = 'test-webhook-secret_0123456789';
/** The day tests run on, as far as the bot knows: inside both PP 50/2025 discount periods. */
export const TEST_NOW = '2026-11-21T10:00:00+07:00';

export interface TestBot {
  service: Service;
  double: LocalBotApi;
  database: TestDatabase;
  logs: LogLine[];
  config: Config & { BOT_TOKEN: string };
  /** POSTs an update to the webhook as Telegram would; `secret: null` leaves the header out. */
  post(update: Update | string, secret?: string | null): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTestBot(
  opts: {
    mode?: 'webhook' | 'polling';
    env?: Record<string, string>;
    viaProxy?: number;
    embedded?: boolean;
    now?: string;
    /** A clock the test moves; without it, `now` (or TEST_NOW) stands still. */
    clock?: () => Date;
    /** Another bot's database: a second instance of the same deployment (not dropped at stop). */
    sameDatabaseAs?: TestBot;
  } = {},
): Promise<TestBot> {
  // A second instance of one bot gets other updates from Telegram: other update ids.
  const double = await startBotApiDouble(opts.sameDatabaseAs ? { firstUpdateId: 500_000_001 } : {});
  const database = opts.sameDatabaseAs
    ? { ...opts.sameDatabaseAs.database, drop: async () => undefined }
    : opts.embedded
      ? await createEmbeddedDataDir()
      : await createTestDatabase();
  const { logger, lines } = captureLogs();
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    BOT_MODE: opts.mode ?? 'webhook',
    WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
    WEBHOOK_SECRET: TEST_SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    ...(opts.embedded
      ? { DATA_DIR: database.url }
      : { DATABASE_URL: opts.viaProxy ? database.url.replace(':5432/', `:${opts.viaProxy}/`) : database.url }),
    TELEGRAM_API_ROOT: double.apiRoot,
    ...opts.env,
  }) as Config & { BOT_TOKEN: string };
  // Answers that depend on the date are checked against a fixed day.
  const now = new Date(opts.now ?? TEST_NOW);
  const service = await startService(config, logger, { clock: opts.clock ?? (() => now) });
  return {
    service,
    double,
    database,
    logs: lines,
    config,
    post: (update, secret = TEST_SECRET) =>
      fetch(`${service.url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
        body: typeof update === 'string' ? update : JSON.stringify(update),
      }),
    async stop() {
      await service.stop();
      await double.stop();
      await database.drop();
    },
  };
}
