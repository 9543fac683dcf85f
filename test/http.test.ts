// The HTTP surface: probes, readiness across a database outage, JSON errors, body limit, request ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_SECRET, type TestBot } from './support/service.ts';
import { TcpProxy } from './support/tcp-proxy.ts';
import { WEBHOOK_PATH } from '../src/server/app.ts';

let bot: TestBot;
let proxy: TcpProxy;

beforeAll(async () => {
  // The bot reaches PostgreSQL only through a proxy the test can cut.
  proxy = new TcpProxy('127.0.0.1', 5432);
  await proxy.start();
  bot = await startTestBot({ mode: 'webhook', viaProxy: proxy.port });
});
afterAll(async () => {
  await proxy.restore();
  await bot?.stop();
  await proxy.cut();
});

describe('probes', () => {
  it('/healthz answers while the process lives', async () => {
    const res = await fetch(`${bot.service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is 503 while the database is away and 200 once it is back, without a restart', async () => {
    expect((await fetch(`${bot.service.url}/readyz`)).status).toBe(200);

    await proxy.cut();
    const down = await fetch(`${bot.service.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', reason: 'database' });
    expect((await fetch(`${bot.service.url}/healthz`)).status).toBe(200);

    await proxy.restore();
    expect((await fetch(`${bot.service.url}/readyz`)).status).toBe(200);
    // and the bot works again
    const update = bot.double.sendUserMessage({ id: 2001, first_name: 'Rina', language_code: 'id' }, '/start');
    expect((await bot.post(update)).status).toBe(200);
    expect(bot.double.sent(2001)).toHaveLength(1);
  });
});

describe('a stalled database', () => {
  it('gets people the apology within 5 s and every webhook answered within 10 s; answers resume without a restart', async () => {
    // Open connections first: a stall must catch queries on live connections, not only new ones.
    const pool = bot.service.db.pool;
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    for (const c of clients) c.release();
    proxy.stall();
    try {
      const started = Date.now();
      const users = [2101, 2102, 2103];
      const answered = await Promise.all(
        users.map(async (id) => {
          const res = await bot.post(bot.double.sendUserMessage({ id, first_name: 'Rina', language_code: 'id' }, '/cakupan sumsel'));
          return { status: res.status, ms: Date.now() - started };
        }),
      );
      for (const a of answered) {
        expect(a.status).toBe(200);
        expect(a.ms).toBeLessThan(10_000);
      }
      for (const id of users) {
        const [apology] = bot.double.sent(id);
        expect(apology?.text).toBe('Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.');
        expect(apology!.date * 1000 - started).toBeLessThan(5_000 + 1_000); // Telegram dates have one-second precision
      }
    } finally {
      proxy.resume();
    }
    const res = await bot.post(bot.double.sendUserMessage({ id: 2104, first_name: 'Rina', language_code: 'id' }, '/cakupan sumsel'));
    expect(res.status).toBe(200);
    expect(bot.double.sent(2104).at(-1)!.text).toContain('Sumatera Selatan');
  }, 30_000);
});

describe('errors are JSON', () => {
  it('404 for unknown paths', async () => {
    const res = await fetch(`${bot.service.url}/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: 'not_found' });
  });

  it('413 for a body over 1 MB, and nothing processed', async () => {
    const calls = bot.double.calls.length;
    const res = await bot.post(JSON.stringify({ update_id: 1, padding: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large' });
    expect(bot.double.calls.length).toBe(calls);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await bot.post('{not json');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json' });
  });

  it('415 for a body that is not sent as JSON, and 400 for JSON that is no update; nothing processed', async () => {
    const calls = bot.double.calls.length;
    const post = (body: string, type?: string) =>
      fetch(`${bot.service.url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { ...(type ? { 'content-type': type } : {}), 'x-telegram-bot-api-secret-token': TEST_SECRET },
        body,
      });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await post(JSON.stringify({ update_id: 5, message: { text: 'halo' } }), type);
      expect(res.status, String(type)).toBe(415);
      expect(await res.json()).toEqual({ ok: false, error: 'unsupported_media_type' });
    }
    for (const body of ['[]', '"x"', '{}', '{"update_id":"1"}', 'null']) {
      const res = await post(body, 'application/json');
      expect(res.status, body).toBe(400);
    }
    expect(bot.double.calls.length).toBe(calls);
  });
});

describe('request ids', () => {
  it('are returned and logged, taking the caller id when it is sane', async () => {
    const given = await fetch(`${bot.service.url}/healthz`, { headers: { 'x-request-id': 'lb-abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('lb-abc-123');
    const made = await fetch(`${bot.service.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const update = bot.double.sendUserMessage({ id: 2002, first_name: 'Dewi' }, '/menu');
    const res = await fetch(`${bot.service.url}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET, 'x-request-id': 'tg-1' },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    expect(bot.logs.find((l) => l.requestId === 'tg-1' && l.msg === 'request')).toMatchObject({ status: 200, path: WEBHOOK_PATH });
  });
});
