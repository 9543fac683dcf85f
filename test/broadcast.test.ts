// The delivery engine against the Bot API double, which enforces a rate limit: every
// subscriber exactly once, no 429 when the pace is under the limit, a 429 pauses everything,
// a 403 ends the chat's subscriptions, two runners on one database never send twice.
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnouncement, deliveryCounts, queueAnnouncement } from '../src/domain/announcements/announcements.ts';
import { startBroadcastRunner } from '../src/jobs/broadcast-runner.ts';
import { sendAnnouncement } from '../src/jobs/broadcast-sender.ts';
import type { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { startBotApiDouble } from './support/bot-api-double.ts';
import { captureLogs } from './support/logs.ts';
import { useSeededDatabase } from './support/postgres.ts';
import { TEST_TOKEN } from './support/service.ts';

const db = useSeededDatabase();
let double: LocalBotApi;
let api: Api;
const DOUBLE_LIMIT = 400;
const FIRST_CHAT = 800_000;
const SUBSCRIBERS = 2_000;

/** Subscribes chats [from, from + count) to a region, in one statement. */
async function subscribeChats(from: number, count: number, regionCode: string, includeChildren = false) {
  for (let i = 0; i < count; i++) double.addChat(from + i);
  await db.pool.query(
    `INSERT INTO "Subscription" ("chatId", "regionCode", "includeChildren") SELECT g, $3, $4 FROM generate_series($1::bigint, $2::bigint) g`,
    [from, from + count - 1, regionCode, includeChildren],
  );
}

async function announce(regionCode: string, text: string): Promise<{ id: number; recipients: number }> {
  const id = await createAnnouncement(db.pool, { regionCode, text, createdBy: 'test' });
  return { id, recipients: (await queueAnnouncement(db.pool, id))! };
}

/** How many copies of `text` each chat in [from, from + count) received. */
function copies(from: number, count: number, text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (let chat = from; chat < from + count; chat++) counts.set(chat, double.sent(chat).filter((m) => m.text === text).length);
  return counts;
}

beforeAll(async () => {
  double = await startBotApiDouble({ rateLimit: { perSecond: DOUBLE_LIMIT } });
  api = new Api(TEST_TOKEN, { apiRoot: double.apiRoot });
  await subscribeChats(FIRST_CHAT, SUBSCRIBERS, '13');
});
afterAll(async () => {
  await double?.stop();
});

describe('broadcast', () => {
  it('reaches the audience: the region, regions above it that include what is below, regions below it', async () => {
    await subscribeChats(810_000, 1, '00', true); // Indonesia, with everything below: in
    await subscribeChats(810_001, 1, '00', false); // Indonesia only: out
    await subscribeChats(810_002, 1, '13.74'); // a city in Sumbar: in
    await subscribeChats(810_003, 1, '36'); // Banten: out
    const { id, recipients } = await announce('13', 'Uji audiens');
    expect(recipients).toBe(SUBSCRIBERS + 2);
    const { rows } = await db.pool.query(
      `SELECT "chatId"::int AS chat FROM "Delivery" WHERE "announcementId" = $1 AND "chatId" >= 810000 ORDER BY 1`,
      [id],
    );
    expect(rows.map((r) => r.chat)).toEqual([810_000, 810_002]);
    expect(await queueAnnouncement(db.pool, id)).toBeUndefined(); // queued once only
    await db.pool.query(`UPDATE "Announcement" SET status = 'cancelled' WHERE id = $1`, [id]);
  });

  it('sends to 2,000 subscribers exactly once, with no 429 under the limit', async () => {
    double.reset();
    const text = 'Undangan Paritrana Award 2026 Sumatera Barat';
    const { id, recipients } = await announce('13', text);
    const started = performance.now();
    expect(await sendAnnouncement(db.pool, api, id, { rate: 300, paidRate: 1000 })).toBe('done');
    const seconds = (performance.now() - started) / 1000;
    expect([...copies(FIRST_CHAT, SUBSCRIBERS, text).values()].every((n) => n === 1)).toBe(true);
    expect(double.rateLimited).toBe(0);
    expect(await deliveryCounts(db.pool, id)).toMatchObject({ sent: recipients, pending: 0, sending: 0, failed: 0 });
    // The pace held: 2,000 messages at 300/s take at least 6.6 s.
    expect(seconds).toBeGreaterThan(recipients / 300 - 0.5);
  });

  it('pauses every send on a 429 for its retry_after, and loses nothing', async () => {
    double.reset();
    const text = 'Uji 429';
    const { id } = await announce('13.74', text);
    await subscribeChats(820_000, 50, '13.74');
    await db.pool.query(`DELETE FROM "Delivery" WHERE "announcementId" = $1`, [id]);
    await db.pool.query(`UPDATE "Announcement" SET status = 'draft' WHERE id = $1`, [id]);
    await queueAnnouncement(db.pool, id);
    double.injectFault({ method: 'sendMessage', status: 429, retryAfter: 2, times: 1 });
    const { logger, lines } = captureLogs();
    const started = performance.now();
    expect(await sendAnnouncement(db.pool, api, id, { rate: 300, paidRate: 1000, logger })).toBe('done');
    expect(performance.now() - started).toBeGreaterThan(2_000);
    expect([...copies(820_000, 50, text).values()].every((n) => n === 1)).toBe(true);
    expect(lines.some((l) => l.msg === 'broadcast paused by Telegram (429)')).toBe(true);
  });

  it('marks 5 % blocked chats (403) inactive and does not retry them', async () => {
    double.reset();
    const blocked = Array.from({ length: SUBSCRIBERS / 20 }, (_, i) => FIRST_CHAT + i * 20);
    for (const chat of blocked) double.blockChat(chat);
    try {
      const text = 'Uji 403';
      const { id, recipients } = await announce('13', text);
      expect(await sendAnnouncement(db.pool, api, id, { rate: 350, paidRate: 1000 })).toBe('done');
      expect(await deliveryCounts(db.pool, id)).toMatchObject({ blocked: 100, sent: recipients - 100, failed: 0 });
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "Subscription" WHERE "chatId" = ANY($1) AND active`, [blocked]);
      expect(rows[0].n).toBe(0);
      const sendsToBlocked = double.callsTo('sendMessage').filter((c) => blocked.includes(Number(c.payload.chat_id)));
      expect(sendsToBlocked).toHaveLength(100);
    } finally {
      // The next test wants every chat back.
      for (const chat of blocked) double.unblockChat(chat);
      await db.pool.query(`UPDATE "Subscription" SET active = true WHERE "chatId" = ANY($1)`, [blocked]);
    }
  });

  it('two runners on one database: no duplicates, and together within the limit', async () => {
    double.reset();
    const text = 'Uji dua instans';
    const { logger } = captureLogs();
    const runnerOptions = {
      token: TEST_TOKEN,
      apiRoot: double.apiRoot,
      pgConfig: { connectionString: db.database.url },
      rate: 300,
      paidRate: 1000,
      logger,
      pollMs: 50,
    };
    const runners = [startBroadcastRunner(db.pool, runnerOptions), startBroadcastRunner(db.pool, runnerOptions)];
    try {
      const { id } = await announce('13', text);
      runners.forEach((r) => r.kick());
      for (let i = 0; i < 200; i++) {
        const { rows } = await db.pool.query(`SELECT status::text FROM "Announcement" WHERE id = $1`, [id]);
        if (rows[0].status === 'done') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const counts = [...copies(FIRST_CHAT, SUBSCRIBERS, text).values()];
      expect(
        counts.filter((n) => n !== 1),
        'chats without exactly one copy',
      ).toEqual([]);
      expect(double.rateLimited).toBe(0);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
  });
});
