// The real entry point as a process, configured only through the environment, as `npm start` runs it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/paths.ts';
import { startBotApiDouble, testUser, type LocalBotApi } from './support/bot-api-double.ts';
import { startChildBot } from './support/child-bot.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';
import { TEST_SECRET, TEST_TOKEN } from './support/service.ts';
import { freePort } from './support/ports.ts';

const run = promisify(execFile);
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function stop(bot: Awaited<ReturnType<typeof startChildBot>>) {
  bot.child.kill('SIGTERM');
  return (await bot.exited).code;
}

describe('src/main.ts', () => {
  it('polls the Bot API at TELEGRAM_API_ROOT and answers /start', async () => {
    const double = await startBotApiDouble({ token: TEST_TOKEN });
    try {
      const bot = await startChildBot({
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: double.apiRoot,
        DATABASE_URL: database.url,
        PORT: '0',
      });
      double.sendUserMessage(testUser(6001, { first_name: 'Putu' }), '/start');
      const reply = await double.waitFor(() => double.sent(6001)[0], 10_000);
      expect(reply.text).toMatch(/^Halo, Putu! 👋/);
      expect(await stop(bot)).toBe(0);
    } finally {
      await double.stop();
    }
  });

  it('in webhook mode, takes what "Telegram" posts with the secret it was given, and nothing else', async () => {
    // The double plays Telegram: it posts updates to the webhook URL with the secret from setWebhook.
    // Same bot as above, so its update ids go on from where they were, as Telegram's do.
    const double: LocalBotApi = await startBotApiDouble({ token: TEST_TOKEN, deliverViaWebhook: true, firstUpdateId: 200_000_001 });
    try {
      const port = await freePort();
      const bot = await startChildBot({
        BOT_TOKEN: TEST_TOKEN,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`,
        WEBHOOK_SECRET: TEST_SECRET,
        TELEGRAM_API_ROOT: double.apiRoot,
        DATABASE_URL: database.url,
        HOST: '127.0.0.1',
        PORT: String(port),
      });
      expect(double.callsTo('setWebhook')[0]?.payload).toMatchObject({ secret_token: TEST_SECRET });
      double.sendUserMessage(testUser(6002, { first_name: 'Komang' }), '/start');
      const reply = await double.waitFor(() => double.sent(6002)[0], 10_000);
      expect(reply.text).toMatch(/^Halo, Komang! 👋/);

      const forged = await fetch(`${bot.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-the-secret-at-all' },
        body: JSON.stringify(double.sendUserMessage(testUser(6003), '/start')),
      });
      expect(forged.status).toBe(401);
      expect(await stop(bot)).toBe(0);
    } finally {
      await double.stop();
    }
  });

  it('stops at start-up with one line naming a wrong variable', async () => {
    const attempt = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, BOT_TOKEN: TEST_TOKEN, PORT: 'delapan ribu' },
    });
    const failure = await attempt.then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toBe('Invalid configuration: PORT must be a port number from 0 to 65535 (got "delapan ribu")');
  });
});
