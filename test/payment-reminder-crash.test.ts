// The bot killed with SIGKILL while sending payment reminders, and started again (the method
// of the announcement crash test): the rest arrive, and none arrives twice.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { startBotApiDouble } from './support/bot-api-double.ts';
import { startChildBot, type ChildBot } from './support/child-bot.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';
import { TEST_TOKEN } from './support/service.ts';
import { until } from './support/until.ts';

const CHATS = 240;
const FIRST = 950_000;
let database: TestDatabase;
let pool: pg.Pool;
let double: LocalBotApi;
let bot: ChildBot | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined);
  double = await startBotApiDouble();
  for (let i = 0; i < CHATS; i++) double.addChat(FIRST + i);
  // The 1st of this month at 00.00 WIB has passed whenever the test runs: every reminder is due.
  await pool.query(
    `INSERT INTO "PaymentReminder" ("telegramId", "chatId", day, minute, "startsAt")
     SELECT g, g, 1, 0, '2000-01-01' FROM generate_series($1::bigint, $2::bigint) g`,
    [FIRST, FIRST + CHATS - 1],
  );
});
afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await pool?.end();
  await double?.stop();
  await database?.drop();
});

const start = () =>
  startChildBot({
    BOT_TOKEN: TEST_TOKEN,
    BOT_MODE: 'polling',
    DATABASE_URL: database.url,
    TELEGRAM_API_ROOT: double.apiRoot,
    BROADCAST_RATE: '30',
    // Beside the announcement crash test, which runs at the same time on the default port.
    HOST: '127.0.0.1',
    PORT: '0',
  });
const received = () => double.sent().filter((m) => m.text?.includes('Pengingat iuran BPJS Ketenagakerjaan'));

const statuses = async () =>
  new Map(
    (
      await pool.query<{ chat: number; status: string }>(
        `SELECT "telegramId"::int AS chat, status::text FROM "ReminderSend" WHERE key LIKE 'month:%'`,
      )
    ).rows.map((r) => [r.chat, r.status]),
  );

describe('payment reminders across a crash', () => {
  it('are finished by the restarted bot; what arrived unconfirmed is never sent again', async () => {
    bot = await start();
    await until(() => received().length >= 60, 20_000);
    // Telegram takes messages but the bot hears nothing back: the kill lands while they are "sending".
    const before = received().length;
    const release = double.holdAnswers('sendMessage');
    await until(() => received().length >= before + 2, 10_000);
    const unconfirmed = received()
      .slice(before)
      .map((m) => m.chat_id);
    const atKill = await statuses();
    expect(unconfirmed.map((chat) => atKill.get(chat))).toEqual(unconfirmed.map(() => 'sending'));
    bot.child.kill('SIGKILL');
    await bot.exited;
    release();
    expect(received().length).toBeLessThan(CHATS);

    bot = await start();
    await until(async () => [...(await statuses()).values()].filter((s) => s === 'sent' || s === 'unknown').length === CHATS, 30_000);

    const copies = new Map<number, number>();
    for (const m of received()) copies.set(m.chat_id, (copies.get(m.chat_id) ?? 0) + 1);
    expect([...copies.values()].filter((n) => n > 1)).toEqual([]);
    const after = await statuses();
    expect(unconfirmed.map((chat) => after.get(chat))).toEqual(unconfirmed.map(() => 'unknown'));
    // Only what was handed over at the kill is unknown (at most two groups of 4 at 30/s); everything else arrived once.
    const unknown = [...after.values()].filter((s) => s === 'unknown').length;
    expect(unknown).toBeLessThanOrEqual(8);
    const sent = [...after.entries()].filter(([, s]) => s === 'sent').map(([chat]) => chat);
    expect(sent.length + unknown).toBe(CHATS);
    expect(sent.every((chat) => copies.get(chat) === 1)).toBe(true);
  });
});
