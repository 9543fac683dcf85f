// Start-up with Telegram unreachable: /healthz answers at once, /readyz says Telegram is what is
// missing, each failed try is logged, and the bot starts once Telegram answers.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startService, type Service } from '../src/service.ts';
import { startBotApiDouble } from './support/bot-api-double.ts';
import { captureLogs } from './support/logs.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';
import { TcpProxy } from './support/tcp-proxy.ts';
import { TEST_SECRET, TEST_TOKEN } from './support/service.ts';
import { freePort } from './support/ports.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

describe('start-up with Telegram unreachable', () => {
  it('serves /healthz first, retries getMe with backoff, logging each try, and starts when Telegram answers', async () => {
    const double = await startBotApiDouble();
    cleanup.push(() => double.stop());
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(double.apiRoot).port));
    await proxy.start();
    await proxy.cut();
    cleanup.push(() => proxy.cut());
    const database: TestDatabase = await createTestDatabase();
    cleanup.push(() => database.drop());
    const port = await freePort();
    const { logger, lines } = captureLogs();
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.test/telegram/webhook',
      WEBHOOK_SECRET: TEST_SECRET,
      DATABASE_URL: database.url,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${proxy.port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
    }) as ReturnType<typeof loadConfig> & { BOT_TOKEN: string };
    let service: Service | undefined;
    const starting = startService(config, logger).then((s) => (service = s));
    // Telegram answers again before the service is stopped, whatever happened above.
    cleanup.push(async () => {
      await proxy.restore();
      await starting.catch(() => undefined);
      await service?.stop();
    });

    const base = `http://127.0.0.1:${port}`;
    const until = async (check: () => Promise<boolean>, ms = 20_000) => {
      const deadline = Date.now() + ms;
      while (!(await check().catch(() => false))) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until(async () => (await fetch(`${base}/healthz`)).status === 200).catch((e: unknown) => {
      throw new Error(`${String(e)}; logs: ${lines.map((l) => l.msg).join(' | ')}`);
    });
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'unavailable', reason: 'telegram' });
    await until(async () => lines.filter((l) => String(l.msg).startsWith('Telegram not reachable (getMe)')).length >= 2).catch(
      (e: unknown) => {
        throw new Error(`${String(e)}; logs: ${lines.map((l) => l.msg).join(' | ')}`);
      },
    );
    const tries = lines.filter((l) => String(l.msg).startsWith('Telegram not reachable (getMe)'));
    expect(tries.map((l) => l.attempt)).toEqual([1, 2]);
    expect(tries.map((l) => l.retryInMs)).toEqual([1000, 2000]);
    expect(service).toBeUndefined();

    await proxy.restore();
    await starting;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(double.callsTo('setWebhook')).toHaveLength(1);
  }, 60_000);
});
