// The bot killed with SIGKILL in the middle of an announcement and started again: the rest is
// delivered and no chat has two copies.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnouncement, deliveryCounts, queueAnnouncement } from '../src/domain/announcements/announcements.ts';
import type { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { startBotApiDouble } from './support/bot-api-double.ts';
import { startChildBot, type ChildBot } from './support/child-bot.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';
import { TEST_TOKEN } from './support/service.ts';
import { until } from './support/until.ts';

const CHATS = 600;
const FIRST = 900_000;
const TEXT = 'Uji: pengumuman yang terputus';
let database: TestDatabase;
let pool: pg.Pool;
let double: LocalBotApi;
let bot: ChildBot | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // Dropping the database at the end ends its connections: not an error of the test.
  pool.on('error', () => undefined);
  double = await startBotApiDouble();
  for (let i = 0; i < CHATS; i++) double.addChat(FIRST + i);
  await pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT g, '16' FROM generate_series($1::bigint, $2::bigint) g`, [
    FIRST,
    FIRST + CHATS - 1,
  ]);
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
    BROADCAST_PAID_RATE: '150',
  });
const received = () => double.sent().filter((m) => m.text === TEXT);

const statusOf = async (id: number, chats: number[]) =>
  (
    await pool.query<{ chat: number; status: string }>(
      `SELECT "chatId"::int AS chat, status::text FROM "Delivery" WHERE "announcementId" = $1 AND "chatId" = ANY($2::bigint[]) ORDER BY "chatId"`,
      [id, chats],
    )
  ).rows;

describe('an announcement across a crash', () => {
  it('is finished by the restarted bot; what arrived unconfirmed is never sent again', async () => {
    const id = await createAnnouncement(pool, { regionCode: '16', text: TEXT, createdBy: 'test', paidBroadcast: true });
    expect(await queueAnnouncement(pool, id)).toBe(CHATS);

    bot = await start();
    await until(() => received().length >= 200, 20_000);
    // From now on Telegram takes messages but the bot hears nothing back: the kill lands while
    // the chats that did receive one are still "sending" in the database.
    const before = received().length;
    const release = double.holdAnswers('sendMessage');
    await until(() => received().length >= before + 5, 10_000);
    const unconfirmed = received()
      .slice(before)
      .map((m) => m.chat_id);
    expect((await statusOf(id, unconfirmed)).map((r) => r.status)).toEqual(unconfirmed.map(() => 'sending'));
    bot.child.kill('SIGKILL');
    await bot.exited;
    release();
    const atCrash = received().length;
    expect(atCrash).toBeLessThan(CHATS);

    bot = await start();
    await until(
      async () => (await pool.query(`SELECT status::text FROM "Announcement" WHERE id = $1`, [id])).rows[0].status === 'done',
      30_000,
    );

    // Every chat the double recorded while its answers were held got exactly that one copy:
    // the restarted bot marked them unknown instead of sending again.
    const copies = new Map<number, number>();
    for (const m of received()) copies.set(m.chat_id, (copies.get(m.chat_id) ?? 0) + 1);
    expect([...copies.values()].filter((n) => n > 1)).toEqual([]);
    expect(unconfirmed.map((chat) => copies.get(chat))).toEqual(unconfirmed.map(() => 1));
    expect((await statusOf(id, unconfirmed)).map((r) => r.status)).toEqual(unconfirmed.map(() => 'unknown'));
    const counts = await deliveryCounts(pool, id);
    // Only what was handed over at the kill is unknown: at most two groups of 15 (150/s ÷ 10).
    // Everything else arrived.
    expect(counts.sent + counts.unknown).toBe(CHATS);
    expect(counts.unknown).toBeGreaterThanOrEqual(unconfirmed.length);
    expect(counts.unknown).toBeLessThanOrEqual(30);
    expect(copies.size).toBeGreaterThanOrEqual(counts.sent + unconfirmed.length);
    const { rows } = await pool.query(`SELECT "chatId"::int AS chat FROM "Delivery" WHERE "announcementId" = $1 AND status = 'sent'`, [id]);
    expect(rows.every((r) => copies.get(r.chat) === 1)).toBe(true);
  });
});
