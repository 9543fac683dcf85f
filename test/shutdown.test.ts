// SIGTERM while Telegram keeps posting: the process exits 0 within 10 s, and every update it
// acknowledged with 200 was handled (its reply reached the Bot API double).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../src/server/app.ts';
import { startBotApiDouble, testUser, type LocalBotApi } from './support/bot-api-double.ts';
import { startChildBot } from './support/child-bot.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';
import { TEST_SECRET, TEST_TOKEN } from './support/service.ts';

let double: LocalBotApi;
let database: TestDatabase;
beforeAll(async () => {
  // Replies take 150 ms to reach "Telegram", so many updates are in flight when SIGTERM comes.
  double = await startBotApiDouble({ latencyMs: 150 });
  database = await createTestDatabase();
});
afterAll(async () => {
  await double.stop();
  await database.drop();
});

describe('graceful shutdown', () => {
  it('finishes what it acknowledged and exits 0 within 10 s of SIGTERM under load', async () => {
    const bot = await startChildBot({
      BOT_TOKEN: TEST_TOKEN,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
      WEBHOOK_SECRET: TEST_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      TELEGRAM_API_ROOT: double.apiRoot,
    });

    const acknowledged: number[] = [];
    const refused: number[] = [];
    let nextUser = 500_000;
    let running = true;
    const worker = async () => {
      while (running) {
        const user = nextUser++;
        const update = double.sendUserMessage(testUser(user), '/start');
        try {
          const res = await fetch(`${bot.url}${WEBHOOK_PATH}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
            body: JSON.stringify(update),
          });
          await res.arrayBuffer();
          (res.status === 200 ? acknowledged : refused).push(user);
        } catch {
          refused.push(user);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const workers = Array.from({ length: 20 }, worker);

    await double.waitFor(() => acknowledged.length >= 100, 30_000);
    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code } = await bot.exited;
    const tookMs = Date.now() - signalledAt;
    running = false;
    await Promise.all(workers);

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    // Handled means answered properly: the greeting, not an apology for a closed database.
    const unanswered = acknowledged.filter((user) => !/^Halo, Siti!/.test(double.sent(user)[0]?.text ?? ''));
    expect(unanswered).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);
    expect(bot.lines.some((l) => l.msg === 'stopped')).toBe(true);
  });
});
