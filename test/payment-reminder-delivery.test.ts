// Payment reminders through the delivery engine, against the Bot API double's rate limit:
// 1,000 due at the same minute go out with an announcement at one shared pace and no 429;
// two runners on one database send each once; a 403 ends the reminder as it ends subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnouncement, deliveryCounts, queueAnnouncement } from '../src/domain/announcements/announcements.ts';
import { startBroadcastRunner } from '../src/jobs/broadcast-runner.ts';
import { paymentReminderJobs, queuePaymentReminders } from '../src/jobs/payment-reminders.ts';
import { createI18n } from '../src/i18n/i18n.ts';
import type { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { startBotApiDouble } from './support/bot-api-double.ts';
import { captureLogs } from './support/logs.ts';
import { useSeededDatabase } from './support/postgres.ts';
import { TEST_TOKEN } from './support/service.ts';
import { until } from './support/until.ts';

const db = useSeededDatabase();
let double: LocalBotApi;
const DOUBLE_LIMIT = 400;
const RATE = 300;
/** 1 December 2026, 10.00 WIB: reminders for the 1st at 09.00 are due. */
const NOW = new Date('2026-12-01T03:00:00Z');
const i18n = createI18n('id');

/** Reminders for chats [from, from + count): the 1st at 09.00 WIB, set up long before. */
async function remindChats(from: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) double.addChat(from + i);
  await db.pool.query(
    `INSERT INTO "PaymentReminder" ("telegramId", "chatId", day, minute, "timeZone", "startsAt")
     SELECT g, g, 1, 540, 'Asia/Jakarta', '2026-01-01' FROM generate_series($1::bigint, $2::bigint) g`,
    [from, from + count - 1],
  );
}

function runner(logger = captureLogs().logger) {
  const jobs = paymentReminderJobs({ db, i18n, defaultLocale: 'id', rate: RATE, clock: () => NOW, logger });
  return startBroadcastRunner(db.pool, {
    token: TEST_TOKEN,
    apiRoot: double.apiRoot,
    pgConfig: { connectionString: db.database.url },
    rate: RATE,
    paidRate: 1000,
    logger,
    pollMs: 50,
    reminders: jobs.reminders,
  });
}

const openSends = async (from: number, count: number) =>
  (
    await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ReminderSend" WHERE "telegramId" BETWEEN $1 AND $2 AND status NOT IN ('sent', 'blocked', 'failed', 'unknown')`,
      [from, from + count - 1],
    )
  ).rows[0]!.n;

const reminderCopies = (from: number, count: number) => {
  const counts: number[] = [];
  for (let chat = from; chat < from + count; chat++)
    counts.push(double.sent(chat).filter((m) => m.text?.includes('Pengingat iuran BPJS Ketenagakerjaan')).length);
  return counts;
};

beforeAll(async () => {
  double = await startBotApiDouble({ rateLimit: { perSecond: DOUBLE_LIMIT } });
});
afterAll(async () => {
  await double?.stop();
});

describe('payment reminders in the delivery engine', () => {
  it('1,000 due at the same minute and an announcement share one pace: each once, no 429', async () => {
    const [FIRST, COUNT, SUBSCRIBERS] = [600_000, 1_000, 1_000];
    await remindChats(FIRST, COUNT);
    for (let i = 0; i < SUBSCRIBERS; i++) double.addChat(610_000 + i);
    await db.pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT g, '15' FROM generate_series(610000, 610999) g`);
    expect(await queuePaymentReminders(db, NOW)).toMatchObject({ monthly: COUNT });
    const text = 'Uji: pengumuman bersama pengingat';
    const id = await createAnnouncement(db.pool, { regionCode: '15', text, createdBy: 'test' });
    expect(await queueAnnouncement(db.pool, id)).toBe(SUBSCRIBERS);

    double.reset();
    const started = performance.now();
    const r = runner();
    try {
      await until(async () => (await openSends(FIRST, COUNT)) === 0 && (await deliveryCounts(db.pool, id)).sent === SUBSCRIBERS, 30_000);
    } finally {
      await r.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    expect(reminderCopies(FIRST, COUNT).filter((n) => n !== 1)).toEqual([]);
    expect(double.rateLimited).toBe(0);
    // 2,000 messages at the one pace of 300/s take at least 6.6 s; two paces of their own would
    // have gone at 600/s, over the double's 400/s.
    expect(seconds).toBeGreaterThan((COUNT + SUBSCRIBERS) / RATE - 0.5);
  });

  it('reminders that fall due while a long announcement goes out are sent before it ends', async () => {
    const [FIRST, COUNT] = [640_000, 50];
    for (let i = 0; i < 1_500; i++) double.addChat(650_000 + i);
    await db.pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT g, '14' FROM generate_series(650000, 651499) g`);
    const id = await createAnnouncement(db.pool, { regionCode: '14', text: 'Uji: pengumuman panjang', createdBy: 'test' });
    await queueAnnouncement(db.pool, id);
    double.reset();
    const r = runner();
    try {
      await until(async () => (await deliveryCounts(db.pool, id)).sent >= 300, 10_000);
      await remindChats(FIRST, COUNT);
      await queuePaymentReminders(db, NOW);
      await until(async () => (await openSends(FIRST, COUNT)) === 0, 10_000);
      expect((await deliveryCounts(db.pool, id)).sent).toBeLessThan(1_500);
      await until(async () => (await deliveryCounts(db.pool, id)).sent === 1_500, 20_000);
    } finally {
      await r.stop();
    }
    expect(reminderCopies(FIRST, COUNT).filter((n) => n !== 1)).toEqual([]);
    expect(double.rateLimited).toBe(0);
  });

  it('two runners on one database send each reminder once', async () => {
    const [FIRST, COUNT] = [620_000, 400];
    await remindChats(FIRST, COUNT);
    await queuePaymentReminders(db, NOW);
    double.reset();
    const runners = [runner(), runner()];
    try {
      runners.forEach((x) => x.kick());
      await until(async () => (await openSends(FIRST, COUNT)) === 0, 20_000);
    } finally {
      await Promise.all(runners.map((x) => x.stop()));
    }
    expect(reminderCopies(FIRST, COUNT).filter((n) => n !== 1)).toEqual([]);
    expect(double.rateLimited).toBe(0);
  });

  it('a 403 ends the reminder and the chat’s subscriptions; it is not tried again', async () => {
    const chat = 630_000;
    await remindChats(chat, 1);
    await db.pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") VALUES ($1, '13')`, [chat]);
    double.blockChat(chat);
    await queuePaymentReminders(db, NOW);
    const r = runner();
    try {
      await until(async () => (await openSends(chat, 1)) === 0, 10_000);
    } finally {
      await r.stop();
    }
    const { rows } = await db.pool.query(
      `SELECT r.active AS reminder, s.active AS subscription, x.status::text AS send
         FROM "PaymentReminder" r JOIN "Subscription" s ON s."chatId" = r."chatId" JOIN "ReminderSend" x ON x."telegramId" = r."telegramId"
        WHERE r."telegramId" = $1`,
      [chat],
    );
    expect(rows).toEqual([{ reminder: false, subscription: false, send: 'blocked' }]);
    // Next month nothing is queued for it.
    expect(await queuePaymentReminders(db, new Date('2027-01-01T03:00:00Z'))).toMatchObject({ monthly: 1_450 });
  });
});
