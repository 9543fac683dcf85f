import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Bot, GrammyError, InputFile, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  DEFAULT_BOT_INFO,
  startBotApiDouble,
  testUser,
  type ApiCall,
  type BotMessage,
  type CallbackAnswer,
  type LocalBotApi,
  type LocalBotApiOptions,
} from './support/bot-api-double.ts';

const TOKEN = '123:abc';
const user = testUser(424242);

let api: LocalBotApi;
const cleanups: Array<() => Promise<void> | void> = [];

async function useApi(opts: LocalBotApiOptions = {}): Promise<LocalBotApi> {
  await api.stop();
  api = await startBotApiDouble(opts);
  return api;
}

function makeBot(): Bot {
  return new Bot(TOKEN, { client: { apiRoot: api.apiRoot }, botInfo: DEFAULT_BOT_INFO });
}

/** A plain HTTP request, to check the wire format without grammY in between. */
async function raw(
  method: string,
  body: unknown = {},
  init: { token?: string; contentType?: string; query?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = `${api.apiRoot}/bot${init.token ?? TOKEN}/${method}${init.query ?? ''}`;
  const contentType = init.contentType ?? 'application/json';
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: contentType === 'application/json' ? JSON.stringify(body) : String(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function grammyError(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GrammyError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function startPolling(bot: Bot): Promise<void> {
  const running = bot.start({ timeout: 5 });
  cleanups.push(async () => {
    await bot.stop();
    await running;
  });
  await api.waitFor(() => api.callsTo('deleteWebhook').length > 0);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(async () => {
  api = await startBotApiDouble();
  api.addChat(user.id);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await api.stop();
});

describe('envelope and routing', () => {
  it("answers getMe with the default bot in Telegram's envelope", async () => {
    const res = await raw('getMe');
    expect(res).toEqual({ status: 200, body: { ok: true, result: DEFAULT_BOT_INFO } });
    expect(DEFAULT_BOT_INFO).toMatchObject({ id: 7000000001, username: 'paritrana_bot', is_bot: true });
  });

  it('accepts GET with query-string parameters and method names in any case', async () => {
    const res = await fetch(`${api.apiRoot}/bot${TOKEN}/sendmessage?chat_id=${user.id}&text=Halo`);
    expect(res.status).toBe(200);
    expect(api.sent(user.id)[0]?.text).toBe('Halo');
    expect(api.calls.at(-1)?.method).toBe('sendMessage');
  });

  it('answers unknown methods with 404 and records the call', async () => {
    const res = await raw('sendTelepathy', { chat_id: user.id });
    expect(res).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } });
    expect(api.calls.at(-1)).toMatchObject({ method: 'sendTelepathy', status: 404 });
  });

  it('accepts only the configured token when one is given', async () => {
    await useApi({ token: TOKEN });
    expect((await raw('getMe', {}, { token: '999:wrong' })).body).toEqual({
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
    });
    expect((await raw('getMe')).status).toBe(200);
  });

  it('decodes form-urlencoded bodies, including JSON-valued fields', async () => {
    api.addChat(-1001234567890, 'supergroup');
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'Cek', callback_data: 'cek' }]] });
    const form = new URLSearchParams({ chat_id: '-1001234567890', text: 'Halo grup', reply_markup: markup });
    const res = await raw('sendMessage', form, { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    expect(api.calls.at(-1)?.payload).toEqual({
      chat_id: -1001234567890,
      text: 'Halo grup',
      reply_markup: { inline_keyboard: [[{ text: 'Cek', callback_data: 'cek' }]] },
    });
    expect(api.sent(-1001234567890)[0]?.reply_markup).toEqual(JSON.parse(markup));
  });
});

describe('sendMessage validation', () => {
  it('sends, records and emits the message', async () => {
    const bot = makeBot();
    const emitted: BotMessage[] = [];
    const calls: ApiCall[] = [];
    api.on('message', (m) => emitted.push(m));
    api.on('call', (c) => calls.push(c));

    const message = await bot.api.sendMessage(user.id, '<b>Saldo JHT</b>: Rp1.000.000', { parse_mode: 'HTML' });

    expect(message).toMatchObject({
      message_id: 1,
      chat: { id: user.id, type: 'private' },
      from: { id: DEFAULT_BOT_INFO.id, is_bot: true },
      text: 'Saldo JHT: Rp1.000.000',
      entities: [{ type: 'bold', offset: 0, length: 9 }],
    });
    expect(api.sent(user.id)).toEqual([
      expect.objectContaining({
        message_id: 1,
        chat_id: user.id,
        text: 'Saldo JHT: Rp1.000.000',
        html: '<b>Saldo JHT</b>: Rp1.000.000',
        parse_mode: 'HTML',
        edits: 0,
        deleted: false,
      }),
    ]);
    expect(emitted).toEqual(api.sent(user.id));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'sendMessage', status: 200, response: { ok: true } });
  });

  it('rejects unknown chats', async () => {
    const error = await grammyError(makeBot().api.sendMessage(987654, 'Halo'));
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    expect(api.calls.at(-1)).toMatchObject({ status: 400, response: { ok: false, error_code: 400 } });
  });

  it('rejects empty text, also when only markup or whitespace remains', async () => {
    const bot = makeBot();
    for (const text of ['', '   ', '<b></b>']) {
      const error = await grammyError(bot.api.sendMessage(user.id, text, { parse_mode: 'HTML' }));
      expect(error.description).toBe('Bad Request: message text is empty');
    }
  });

  it('limits text to 4096 UTF-16 units after entity parsing', async () => {
    const bot = makeBot();
    await bot.api.sendMessage(user.id, 'a'.repeat(4096));
    await bot.api.sendMessage(user.id, `<b>${'a'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    for (const text of ['a'.repeat(4097), '😀'.repeat(2049)]) {
      const error = await grammyError(bot.api.sendMessage(user.id, text));
      expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: message is too long' });
    }
  });

  it("rejects bad HTML with Telegram's wording", async () => {
    const bot = makeBot();
    const unsupported = await grammyError(bot.api.sendMessage(user.id, 'Iuran bulan <foo>x</foo>', { parse_mode: 'HTML' }));
    expect(unsupported.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 12');
    const unclosed = await grammyError(bot.api.sendMessage(user.id, '<b>tebal', { parse_mode: 'HTML' }));
    expect(unclosed.description).toBe('Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"');
  });

  it('rejects unescaped "<" and "&" coming from data', async () => {
    const bot = makeBot();
    const lt = await grammyError(bot.api.sendMessage(user.id, '<b>Gaji</b> < UMR', { parse_mode: 'HTML' }));
    expect(lt.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 12');
    const amp = await grammyError(bot.api.sendMessage(user.id, '<b>PT Maju & Jaya</b>', { parse_mode: 'HTML' }));
    expect(amp.description).toBe('Bad Request: can\'t parse entities: Unescaped "&" at byte offset 11, use "&amp;"');
    // Without parse_mode the same characters are plain text.
    await bot.api.sendMessage(user.id, 'PT Maju & Jaya < UMR');
  });

  it('rejects an unsupported parse_mode', async () => {
    const res = await raw('sendMessage', { chat_id: user.id, text: 'x', parse_mode: 'BBCode' });
    expect(res.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: unsupported parse_mode' });
  });

  it('limits callback_data to 64 bytes of UTF-8', async () => {
    const bot = makeBot();
    const keyboard = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: 'Pilih', callback_data: data }]] } });
    await bot.api.sendMessage(user.id, 'ok', keyboard('x'.repeat(64)));
    for (const data of ['x'.repeat(65), 'ü'.repeat(33), '']) {
      const error = await grammyError(bot.api.sendMessage(user.id, 'no', keyboard(data)));
      expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    }
  });

  it('requires exactly one action and non-empty text on inline buttons', async () => {
    const send = (button: Record<string, unknown>) =>
      raw('sendMessage', { chat_id: user.id, text: 'x', reply_markup: { inline_keyboard: [[button]] } });
    expect((await send({ text: 'Hanya teks' })).body.description).toBe(
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    expect((await send({ text: 'Dua', url: 'https://x.org', callback_data: 'a' })).body.description).toMatch(
      /^Bad Request: can't parse inline keyboard button: exactly one of the optional fields must be used/,
    );
    expect((await send({ text: ' ', callback_data: 'a' })).body.description).toBe('Bad Request: BUTTON_TEXT_INVALID');
    expect((await send({ text: 'Situs', url: 'not a url' })).body.description).toBe('Bad Request: BUTTON_URL_INVALID');
    expect((await send({ text: 'Cari', switch_inline_query_current_chat: 'jht' })).status).toBe(200);
    const notRows = await raw('sendMessage', { chat_id: user.id, text: 'x', reply_markup: { inline_keyboard: [{}] } });
    expect(notRows.body.description).toBe('Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  });

  it('rejects replies to messages that do not exist', async () => {
    const bot = makeBot();
    const error = await grammyError(bot.api.sendMessage(user.id, 'x', { reply_parameters: { message_id: 99 } }));
    expect(error.description).toBe('Bad Request: message to be replied not found');
    api.sendUserMessage(user, 'Pertanyaan saya');
    await bot.api.sendMessage(user.id, 'Jawaban', { reply_parameters: { message_id: 1 } });
  });
});

describe('faults', () => {
  it('injects 429 with retry_after that grammY exposes in parameters', async () => {
    const bot = makeBot();
    api.injectFault({ method: 'sendMessage', status: 429, retryAfter: 7, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const error = await grammyError(bot.api.sendMessage(user.id, 'Halo'));
      expect(error).toMatchObject({
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      });
    }
    await bot.api.sendMessage(user.id, 'Halo');
    expect(api.callsTo('sendMessage').map((c) => c.status)).toEqual([429, 429, 200]);
    expect(api.sent()).toHaveLength(1);
  });

  it('targets faults by chat and supports 5xx', async () => {
    const bot = makeBot();
    const other = testUser(777);
    api.addChat(other.id);
    api.injectFault({ chatId: other.id, status: 502 });
    await bot.api.sendMessage(user.id, 'tidak terpengaruh');
    expect(await grammyError(bot.api.sendMessage(other.id, 'gagal'))).toMatchObject({
      error_code: 502,
      description: 'Bad Gateway',
    });
    await bot.api.sendMessage(other.id, 'berhasil');
  });

  it('answers 403 for every send to a blocked chat', async () => {
    const bot = makeBot();
    const sent = await bot.api.sendMessage(user.id, 'sebelum diblokir');
    api.blockChat(user.id);
    for (const attempt of [
      () => bot.api.sendMessage(user.id, 'Halo'),
      () => bot.api.sendPhoto(user.id, new InputFile(Buffer.from('png'), 'x.png')),
      () => bot.api.editMessageText(user.id, sent.message_id, 'diedit'),
      () => bot.api.sendChatAction(user.id, 'typing'),
    ]) {
      expect(await grammyError(attempt())).toMatchObject({
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      });
    }
    api.reset();
    await bot.api.sendMessage(user.id, 'setelah reset');
  });

  it('applies an optional global rate limit to sends', async () => {
    await useApi({ rateLimit: { perSecond: 2 } });
    api.addChat(user.id);
    const bot = makeBot();
    await bot.api.sendMessage(user.id, '1');
    await bot.api.sendMessage(user.id, '2');
    expect(await grammyError(bot.api.sendMessage(user.id, '3'))).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 1 },
    });
    expect(api.rateLimited).toBe(1);
  });
});

describe('updates', () => {
  it('holds a long poll until an update is queued, then confirms it by offset', async () => {
    const pending = raw('getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const update = api.sendUserMessage(user, '/start promo');

    const res = await pending;
    expect(res.body).toEqual({ ok: true, result: [update] });
    expect(update.message).toMatchObject({
      message_id: 1,
      from: { id: user.id, is_bot: false, first_name: 'Siti', language_code: 'id' },
      chat: { id: user.id, type: 'private', first_name: 'Siti' },
      text: '/start promo',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });

    expect((await raw('getUpdates', { timeout: 0 })).body.result).toEqual([update]);
    expect((await raw('getUpdates', { offset: update.update_id + 1 })).body.result).toEqual([]);
    expect((await raw('getWebhookInfo')).body.result).toMatchObject({ url: '', pending_update_count: 0 });
  });

  it('times out an empty long poll with an empty list', async () => {
    const started = Date.now();
    expect((await raw('getUpdates', { timeout: 1 })).body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('serves a grammY bot that polls, replies and answers buttons', async () => {
    const bot = makeBot();
    bot.command('start', (ctx) =>
      ctx.reply('Selamat datang! Pilih program:', {
        reply_markup: { inline_keyboard: [[{ text: 'JHT', callback_data: 'program:jht' }]] },
      }),
    );
    bot.callbackQuery(/^program:/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Jaminan Hari Tua' });
      await ctx.editMessageText('Program: <b>JHT</b>', { parse_mode: 'HTML' });
    });
    const answers: CallbackAnswer[] = [];
    const edits: BotMessage[] = [];
    api.on('callback-answer', (a) => answers.push(a));
    api.on('edit', (m) => edits.push(m));
    await startPolling(bot);

    api.sendUserMessage(user, '/start');
    const welcome = await api.waitFor(() => api.sent(user.id)[0]);
    expect(welcome.text).toBe('Selamat datang! Pilih program:');

    api.pressButton(user, welcome, 'program:jht');
    await api.waitFor(() => welcome.edits === 1);
    expect(welcome).toMatchObject({ text: 'Program: JHT', html: 'Program: <b>JHT</b>' });
    // The edit did not repeat the keyboard, so Telegram removes it.
    expect(welcome.reply_markup).toBeUndefined();
    expect(answers).toEqual([{ callback_query_id: expect.any(String), text: 'Jaminan Hari Tua' }]);
    expect(edits).toEqual([welcome]);
    expect(() => api.pressButton(user, welcome, 'program:jht')).toThrow(/no button with callback_data/);
  });

  it('only accepts callback query ids it issued, once, with text up to 200 characters', async () => {
    const bot = makeBot();
    const message = await bot.api.sendMessage(user.id, 'Pilih', {
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });
    const record = api.sent(user.id)[0] as BotMessage;
    expect(record.message_id).toBe(message.message_id);
    const id = api.pressButton(user, record, 'a').callback_query?.id ?? '';

    const invalid = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
    expect((await grammyError(bot.api.answerCallbackQuery('123'))).description).toBe(invalid);
    expect((await grammyError(bot.api.answerCallbackQuery(id, { text: 'x'.repeat(201) }))).description).toBe(
      'Bad Request: MESSAGE_TOO_LONG',
    );
    await bot.api.answerCallbackQuery(id, { text: 'x'.repeat(200), show_alert: true });
    expect((await grammyError(bot.api.answerCallbackQuery(id))).description).toBe(invalid);
    expect(api.callbackAnswers).toEqual([{ callback_query_id: id, text: 'x'.repeat(200), show_alert: true }]);
  });

  it('checks inline query answers', async () => {
    const bot = makeBot();
    const id = api.sendInlineQuery(user, 'jht').inline_query?.id ?? '';
    const result = (n: number) => ({
      type: 'article' as const,
      id: `r${n}`,
      title: `Hasil ${n}`,
      input_message_content: { message_text: 'x' },
    });
    const tooMany = Array.from({ length: 51 }, (_, n) => result(n));
    expect((await grammyError(bot.api.answerInlineQuery(id, tooMany))).description).toBe('Bad Request: RESULTS_TOO_MUCH');
    await bot.api.answerInlineQuery(id, tooMany.slice(0, 50));
  });

  it('refuses getUpdates with 409 while a webhook is set', async () => {
    await raw('setWebhook', { url: 'https://example.org/hook' });
    const res = await raw('getUpdates');
    expect(res).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
    expect((await raw('deleteWebhook')).body).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    expect((await raw('getUpdates')).status).toBe(200);
  });

  it('terminates a waiting long poll when another one starts', async () => {
    const first = raw('getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = raw('getUpdates', { timeout: 5 });
    expect((await first).body).toMatchObject({
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    api.sendUserMessage(user, 'halo');
    expect(((await second).body.result as Update[])[0]?.message?.text).toBe('halo');
  });

  it('answers pending long polls with an empty list on stop()', async () => {
    const pending = raw('getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api.stop();
    expect((await pending).body).toEqual({ ok: true, result: [] });
  });
});

describe('webhook', () => {
  it('validates setWebhook and reports it in getWebhookInfo', async () => {
    expect((await raw('setWebhook', { url: 'https://x.org/h', secret_token: 'bad token!' })).body.description).toBe(
      'Bad Request: secret token contains unallowed characters',
    );
    expect((await raw('setWebhook', { url: 'https://x.org/h', secret_token: 'a'.repeat(257) })).body.description).toBe(
      'Bad Request: secret token is too long',
    );
    expect((await raw('setWebhook', { url: 'https://x.org/h', allowed_updates: ['message'] })).body).toEqual({
      ok: true,
      result: true,
      description: 'Webhook was set',
    });
    expect((await raw('getWebhookInfo')).body.result).toMatchObject({
      url: 'https://x.org/h',
      has_custom_certificate: false,
      pending_update_count: 0,
      allowed_updates: ['message'],
    });
  });

  it('posts queued updates with the secret header', async () => {
    await useApi({ deliverViaWebhook: true });
    const received: Array<{ headers: IncomingHttpHeaders; body: Update }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update });
        res.end();
      });
    });
    const url = `${await listen(server)}/telegram/webhook`;

    await raw('setWebhook', { url, secret_token: 'rahasia_123-ABC' });
    const update = api.sendUserMessage(user, 'Halo admin');
    const delivery = await api.waitFor(() => received[0]);

    expect(delivery.headers['x-telegram-bot-api-secret-token']).toBe('rahasia_123-ABC');
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.body).toEqual(update);
    await api.waitFor(() => api.webhookDeliveries[0]);
    expect(api.webhookDeliveries[0]).toMatchObject({ update_id: update.update_id, status: 200 });
    expect((await raw('getWebhookInfo')).body.result).toMatchObject({ url, pending_update_count: 0 });
  });

  it('drives a grammY webhookCallback, including a reply in the webhook response', async () => {
    await useApi({ deliverViaWebhook: true, webhookRetryDelayMs: 50 });
    const bot = new Bot(TOKEN, { client: { apiRoot: api.apiRoot, canUseWebhookReply: () => true }, botInfo: DEFAULT_BOT_INFO });
    bot.on('message:text', (ctx) => ctx.reply(`Diterima: ${ctx.message.text}`));
    const handle = webhookCallback(bot, 'http', { secretToken: 'rahasia' });
    const url = await listen(createServer((req, res) => void handle(req, res)));

    await raw('setWebhook', { url: `${url}/wrong-secret`, secret_token: 'salah' });
    api.sendUserMessage(user, 'Cek saldo');
    // grammY answers 401 to a wrong secret; Telegram keeps the update and retries.
    await api.waitFor(() => api.webhookDeliveries.find((d) => d.status === 401));
    expect((await raw('getWebhookInfo')).body.result).toMatchObject({
      pending_update_count: 1,
      last_error_message: 'Wrong response from the webhook: 401 Unauthorized',
    });

    await raw('setWebhook', { url, secret_token: 'rahasia' });
    const reply = await api.waitFor(() => api.sent(user.id)[0]);
    expect(reply.text).toBe('Diterima: Cek saldo');
    expect(api.callsTo('sendMessage')[0]?.via).toBe('webhook-reply');
  });
});

describe('files, edits and deletes', () => {
  it('accepts multipart sendPhoto from grammY and records the file part', async () => {
    const bot = makeBot();
    const bytes = Buffer.from('\x89PNG fake image bytes');
    const message = await bot.api.sendPhoto(user.id, new InputFile(bytes, 'x.png'), {
      caption: '<b>Kartu</b> peserta',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Unduh', url: 'https://bpjsketenagakerjaan.go.id/' }]] },
    });

    expect(message.photo?.length).toBeGreaterThan(0);
    expect(message.caption).toBe('Kartu peserta');
    expect(message.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 5 }]);
    const call = api.callsTo('sendPhoto')[0];
    expect(call?.payload).toMatchObject({
      chat_id: user.id,
      photo: { filename: 'x.png', size: bytes.length },
      reply_markup: { inline_keyboard: [[{ text: 'Unduh', url: 'https://bpjsketenagakerjaan.go.id/' }]] },
    });
    expect(api.sent(user.id)[0]).toMatchObject({ photo: true, caption: 'Kartu peserta', text: 'Kartu peserta' });

    // The returned file_id can be sent again; captions are limited to 1024 characters.
    const fileId = message.photo?.at(-1)?.file_id ?? '';
    await bot.api.sendPhoto(user.id, fileId);
    expect((await grammyError(bot.api.sendPhoto(user.id, fileId, { caption: 'x'.repeat(1025) }))).description).toBe(
      'Bad Request: message caption is too long',
    );
    expect((await grammyError(bot.api.editMessageText(user.id, message.message_id, 'x'))).description).toBe(
      'Bad Request: there is no text in the message to edit',
    );
  });

  it('edits in place, refuses no-op edits and unknown messages', async () => {
    const bot = makeBot();
    const keyboard = { inline_keyboard: [[{ text: 'Lanjut', callback_data: 'next' }]] };
    const sent = await bot.api.sendMessage(user.id, 'Langkah 1', { reply_markup: keyboard });
    const record = api.sent(user.id)[0] as BotMessage;

    const notModified =
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
    expect(
      (await grammyError(bot.api.editMessageText(user.id, sent.message_id, 'Langkah 1', { reply_markup: keyboard }))).description,
    ).toBe(notModified);
    expect((await grammyError(bot.api.editMessageReplyMarkup(user.id, sent.message_id, { reply_markup: keyboard }))).description).toBe(
      notModified,
    );

    const edited = await bot.api.editMessageText(user.id, sent.message_id, '<i>Langkah 2</i>', {
      parse_mode: 'HTML',
      reply_markup: keyboard,
    });
    expect(edited).toMatchObject({ text: 'Langkah 2', edit_date: expect.any(Number), reply_markup: keyboard });
    expect(record).toMatchObject({ text: 'Langkah 2', html: '<i>Langkah 2</i>', edits: 1, reply_markup: keyboard });

    await bot.api.editMessageReplyMarkup(user.id, sent.message_id);
    expect(record).toMatchObject({ edits: 2 });
    expect(record.reply_markup).toBeUndefined();

    expect((await grammyError(bot.api.editMessageText(user.id, 999, 'x'))).description).toBe('Bad Request: message to edit not found');
    const incoming = api.sendUserMessage(user, 'pesan pengguna').message?.message_id ?? 0;
    expect((await grammyError(bot.api.editMessageText(user.id, incoming, 'x'))).description).toBe("Bad Request: message can't be edited");
  });

  it('deletes messages once and emits the deletion', async () => {
    const bot = makeBot();
    const deleted: BotMessage[] = [];
    api.on('delete', (m) => deleted.push(m));
    const sent = await bot.api.sendMessage(user.id, 'sementara');
    expect(await bot.api.deleteMessage(user.id, sent.message_id)).toBe(true);
    expect(api.sent(user.id)[0]).toMatchObject({ deleted: true });
    expect(deleted).toHaveLength(1);
    expect((await grammyError(bot.api.deleteMessage(user.id, sent.message_id))).description).toBe(
      'Bad Request: message to delete not found',
    );
    expect((await grammyError(bot.api.editMessageText(user.id, sent.message_id, 'x'))).description).toBe(
      'Bad Request: message to edit not found',
    );
  });
});

describe('bot settings and helpers', () => {
  it('stores commands per scope and language and validates them', async () => {
    const bot = makeBot();
    await bot.api.setMyCommands([{ command: 'start', description: 'Mulai' }]);
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: 'en' });
    await bot.api.setMyCommands([{ command: 'broadcast', description: 'Kirim ke semua' }], {
      scope: { type: 'chat', chat_id: user.id },
    });
    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Mulai' }]);
    expect(await bot.api.getMyCommands({ language_code: 'en' })).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await bot.api.getMyCommands({ scope: { type: 'chat', chat_id: user.id } })).toHaveLength(1);
    await bot.api.deleteMyCommands({ language_code: 'en' });
    expect(await bot.api.getMyCommands({ language_code: 'en' })).toEqual([]);

    for (const command of ['Start', 'cek-saldo', 'x'.repeat(33)]) {
      expect((await grammyError(bot.api.setMyCommands([{ command, description: 'x' }]))).description).toBe(
        'Bad Request: BOT_COMMAND_INVALID',
      );
    }
    expect((await grammyError(bot.api.setMyCommands([{ command: 'ok', description: '' }]))).description).toBe(
      'Bad Request: command description must be non-empty',
    );
  });

  it('accepts chat actions and menu buttons', async () => {
    const bot = makeBot();
    expect(await bot.api.sendChatAction(user.id, 'typing')).toBe(true);
    const wrong = await raw('sendChatAction', { chat_id: user.id, action: 'dancing' });
    expect(wrong.body.description).toBe('Bad Request: wrong parameter action in request');
    await bot.api.setChatMenuButton({ menu_button: { type: 'commands' } });
    expect(await bot.api.getChatMenuButton()).toEqual({ type: 'commands' });
  });

  it('rejects waitFor with a clear message on timeout', async () => {
    await raw('getMe');
    await expect(api.waitFor(() => api.sent().length > 0, 100)).rejects.toThrow(
      /waitFor timed out after 100 ms; recent calls: getMe → 200/,
    );
  });

  it('reset() clears records and faults but keeps known chats', async () => {
    const bot = makeBot();
    await bot.api.sendMessage(user.id, 'x');
    api.injectFault({ status: 500 });
    api.reset();
    expect(api.calls).toEqual([]);
    expect(api.messages).toEqual([]);
    await bot.api.sendMessage(user.id, 'masih dikenal');
    expect(api.sent(user.id)).toHaveLength(1);
  });
});
