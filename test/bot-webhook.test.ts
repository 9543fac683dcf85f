// The bot end to end in webhook mode: Telegram's POSTs over real HTTP, replies checked at the double.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { startService, type Service } from '../src/service.ts';
import { WEBHOOK_PATH } from '../src/server/app.ts';
import { captureLogs } from './support/logs.ts';
import { until } from './support/until.ts';
import { startTestBot, TEST_NOW, TEST_SECRET, type TestBot } from './support/service.ts';
import { testUser } from './support/bot-api-double.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});
beforeEach(() => bot.double.reset());

const buttons = (markup: unknown) =>
  (markup as InlineKeyboardMarkup).inline_keyboard
    .flat()
    .map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data : undefined }));

async function say(userId: number, text: string, overrides = {}) {
  const update = bot.double.sendUserMessage(testUser(userId, overrides), text);
  const res = await bot.post(update);
  expect(res.status).toBe(200);
  return bot.double.sent(userId);
}

describe('start-up', () => {
  it('sets the webhook with the secret and registers the commands in both languages', async () => {
    const { double } = await startTestBot({ mode: 'webhook' }).then(async (b) => {
      await b.stop();
      return b;
    });
    const [setWebhook] = double.callsTo('setWebhook');
    expect(setWebhook?.payload).toMatchObject({ url: 'https://bot.example.test/telegram/webhook', secret_token: TEST_SECRET });
    const commands = double.callsTo('setMyCommands').map((c) => c.payload);
    expect(commands).toHaveLength(3);
    const id = commands.find((c) => c.language_code === 'id')!;
    const en = commands.find((c) => c.language_code === 'en')!;
    expect((id.commands as { command: string }[]).map((c) => c.command)).toEqual([
      'start',
      'menu',
      'cakupan',
      'penghargaan',
      'grafik',
      'daftar',
      'iuran',
      'pengingat_iuran',
      'langganan',
      'berhenti',
      'bantuan',
      'bahasa',
      'dataku',
    ]);
    expect((en.commands as { command: string }[]).map((c) => c.command)).toEqual([
      'start',
      'menu',
      'coverage',
      'awards',
      'chart',
      'enroll',
      'contribution',
      'payment_reminder',
      'subscribe',
      'unsubscribe',
      'help',
      'language',
      'mydata',
    ]);
    expect(commands.find((c) => c.language_code === undefined)!.commands).toEqual(id.commands);
  });
});

describe('webhook secret', () => {
  it('answers 401 to a missing or wrong secret and processes nothing', async () => {
    for (const secret of [null, 'wrong-secret-0123456789', `${TEST_SECRET}x`, '']) {
      const update = bot.double.sendUserMessage(testUser(501), '/start');
      const res = await bot.post(update, secret);
      expect(res.status).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(bot.double.calls).toEqual([]);
    expect(await bot.service.db.prisma.user.findUnique({ where: { telegramId: 501n } })).toBeNull();
  });
});

describe('start-up', () => {
  it('prepares the understanding of free text while it already serves, before anyone asks', async () => {
    // No free-text message was sent to this bot before this test.
    expect(bot.logs.some((l) => l.msg === 'Paritrana Bot is running')).toBe(true);
    await until(() => bot.logs.some((l) => l.msg === 'understanding prepared'));
    const ready = bot.logs.findIndex((l) => l.msg === 'Paritrana Bot is running');
    expect(bot.logs.findIndex((l) => l.msg === 'understanding prepared')).toBeGreaterThan(ready);
  });
});

describe('/start', () => {
  it('greets in Indonesian with the main menu and records the user', async () => {
    const [reply] = await say(1001, '/start', { first_name: 'Budi', last_name: undefined, username: 'budi_ojol' });
    expect(reply!.text).toMatch(/^Halo, Budi! 👋/);
    expect(reply!.text).toContain('Paritrana Bot');
    expect(reply!.parse_mode).toBe('HTML');
    expect(buttons(reply!.reply_markup).map((b) => b.data)).toEqual(['m:cov', 'm:aw', 'm:en', 'm:iu', 'm:sub', 'm:co', 'help', 'lang']);
    const user = await bot.service.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 1001n } });
    expect(user).toMatchObject({ firstName: 'Budi', username: 'budi_ojol', languageCode: 'id', locale: null });
    expect(user.firstSeenAt.getTime()).toBe(user.lastSeenAt.getTime());

    await say(1001, '/menu', { first_name: 'Budi', username: 'budi_baru' });
    const again = await bot.service.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 1001n } });
    expect(again.username).toBe('budi_baru');
    expect(again.lastSeenAt.getTime()).toBeGreaterThan(user.lastSeenAt.getTime());
    expect(again.firstSeenAt).toEqual(user.firstSeenAt);
  });

  it('does not rewrite the person of a chat going on with the same names, and keeps their language', async () => {
    await say(1090, '/start', { first_name: 'Sari' });
    const first = await bot.service.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 1090n } });
    await bot.service.db.prisma.user.update({ where: { telegramId: 1090n }, data: { locale: 'en' } });
    const reply = (await say(1090, '/start', { first_name: 'Sari' })).at(-1);
    // Answered in the language chosen, read though the row was not written.
    expect(reply!.text).toMatch(/^Hello, (<b>)?Sari(<\/b>)?!/);
    const after = await bot.service.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 1090n } });
    expect(after.lastSeenAt).toEqual(first.lastSeenAt);
  });

  it('escapes HTML in names', async () => {
    const [reply] = await say(1002, '/start', { first_name: '<b>Ani & "Co"' });
    expect(reply!.text).toContain('Halo, <b>Ani & "Co"!');
    expect(reply!.html).toContain('&lt;b&gt;Ani &amp; &quot;Co&quot;');
  });
});

describe('/bahasa', () => {
  it('switches to English, remembers it, and back', async () => {
    const [picker] = await say(1003, '/bahasa');
    expect(picker!.text).toBe('Mau pakai bahasa apa? Pilih di bawah.');
    expect(buttons(picker!.reply_markup).map((b) => b.data)).toEqual(['lang:id', 'lang:en', 'menu']);

    const press = bot.double.pressButton(testUser(1003), picker!, 'lang:en');
    expect((await bot.post(press)).status).toBe(200);
    expect(picker!.text).toMatch(/^All right, from now on I will answer in English\./);
    expect(bot.double.callsTo('answerCallbackQuery')[0]!.payload.text).toBe('All right, from now on I will answer in English.');
    expect((await bot.service.db.prisma.user.findUniqueOrThrow({ where: { telegramId: 1003n } })).locale).toBe('en');

    const [, help] = await say(1003, '/help');
    expect(help!.text).toMatch(/^Paritrana Bot help/);

    const [, , greeting] = await say(1003, '/start');
    expect(greeting!.text).toMatch(/^Hello, Siti!/);

    const [, , , picker2] = await say(1003, '/language');
    await bot.post(bot.double.pressButton(testUser(1003), picker2!, 'lang:id'));
    expect(picker2!.text).toMatch(/^Baik, mulai sekarang saya menjawab dalam Bahasa Indonesia\./);
  });
});

describe('menu buttons', () => {
  it('lead to help and back to the menu by editing the same message', async () => {
    const [menu] = await say(1004, '/menu');
    await bot.post(bot.double.pressButton(testUser(1004), menu!, 'help'));
    expect(menu!.text).toMatch(/^Bantuan Paritrana Bot/);
    expect(buttons(menu!.reply_markup)).toEqual([{ text: '⬅️ Kembali ke menu', data: 'menu' }]);
    await bot.post(bot.double.pressButton(testUser(1004), menu!, 'menu'));
    expect(menu!.text).toBe('Ada yang bisa saya bantu? Pilih di bawah, atau tulis saja pertanyaan Anda.');
    expect(menu!.edits).toBe(2);
    expect(bot.double.sent(1004)).toHaveLength(1);
  });

  it('a stale or forged button gets a polite alert, not silence', async () => {
    const [menu] = await say(1005, '/menu');
    for (const data of ['gone:123', 'lang:fr']) {
      const forged = bot.double.pushUpdate({
        callback_query: {
          id: `forged-${data}`,
          from: testUser(1005) as never,
          chat_instance: '1005',
          message: {
            message_id: menu!.message_id,
            date: menu!.date,
            chat: { id: 1005, type: 'private', first_name: 'Siti' },
            text: menu!.text,
          },
          data,
        },
      });
      expect((await bot.post(forged)).status).toBe(200);
    }
    const answers = bot.double.callsTo('answerCallbackQuery').map((c) => c.payload.text);
    expect(answers).toEqual([
      'Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi.',
      'Tombol ini sudah tidak berlaku. Ketik /menu untuk mulai lagi.',
    ]);
  });
});

describe('messages the bot does not understand yet', () => {
  it('get an explanation and the menu in private chats', async () => {
    const [reply] = await say(1006, 'xyzzy plugh');
    expect(reply!.text).toMatch(/^Maaf, untuk pertanyaan itu saya belum punya jawabannya\./);
    expect(reply!.text).toContain('175');
    expect(buttons(reply!.reply_markup).length).toBeGreaterThan(0);
  });

  it('are left alone in groups, where the bot speaks only when spoken to', async () => {
    const group = bot.double.addChat(-100123, 'group');
    const update = bot.double.sendUserMessage(testUser(1007), 'ada yang tahu soal JHT?', { chat: group });
    expect((await bot.post(update)).status).toBe(200);
    expect(bot.double.sent(-100123)).toEqual([]);
  });
});

describe('each update once', () => {
  it('handles an update delivered twice only once', async () => {
    const update = bot.double.sendUserMessage(testUser(1008), '/start');
    const [first, second] = await Promise.all([bot.post(update), bot.post(update)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await bot.post(update)).status).toBe(200);
    expect(bot.double.sent(1008)).toHaveLength(1);
    expect(bot.logs.filter((l) => l.msg === 'duplicate update skipped' && l.updateId === update.update_id)).toHaveLength(2);
  });

  it('handles an update delivered to two instances at once only once', async () => {
    const { logger } = captureLogs();
    const other: Service = await startService(bot.config, logger, { clock: () => new Date(TEST_NOW) });
    try {
      const update = bot.double.sendUserMessage(testUser(1015), '/start');
      const toOther = () =>
        fetch(`${other.url}${WEBHOOK_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
          body: JSON.stringify(update),
        });
      const answers = await Promise.all([bot.post(update), toOther(), bot.post(update), toOther()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(bot.double.sent(1015)).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });
});

describe('when Telegram fails', () => {
  it('waits out a 429 with retry_after and still answers', async () => {
    bot.double.injectFault({ method: 'sendMessage', status: 429, retryAfter: 1 });
    const started = Date.now();
    const sent = await say(1009, '/start');
    expect(sent).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(bot.double.callsTo('sendMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('retries a 5xx answer', async () => {
    bot.double.injectFault({ method: 'sendMessage', status: 502 });
    expect(await say(1010, '/menu')).toHaveLength(1);
    expect(bot.double.callsTo('sendMessage').map((c) => c.status)).toEqual([502, 200]);
  });

  it('apologises in the user language when a handler fails, and logs it with the update id', async () => {
    bot.double.injectFault({ method: 'sendMessage', status: 400, description: 'Bad Request: something unexpected' });
    const update = bot.double.sendUserMessage(testUser(1011), '/bantuan');
    expect((await bot.post(update)).status).toBe(200);
    const sent = bot.double.sent(1011);
    expect(sent.map((m) => m.text)).toEqual(['Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.']);
    expect(bot.logs.find((l) => l.msg === 'update handler failed' && l.updateId === update.update_id)).toBeDefined();
  });

  it('answers the webhook in time when the Bot API keeps failing: a 5xx, and a 429 longer than the webhook can wait', async () => {
    for (const fault of [
      { status: 502 as const, times: 10 },
      { status: 429 as const, retryAfter: 12, times: 10 },
    ]) {
      bot.double.injectFault({ method: 'sendMessage', ...fault });
      const update = bot.double.sendUserMessage(testUser(1014 + fault.status), '/start');
      const started = Date.now();
      const res = await bot.post(update);
      expect(res.status, String(fault.status)).toBe(200);
      expect(Date.now() - started, String(fault.status)).toBeLessThan(10_000);
      // The reply and then the apology were dropped deliberately, and said so in the log.
      expect(
        bot.logs.find((l) => l.msg === 'could not send the apology' && l.updateId === update.update_id),
        String(fault.status),
      ).toBeDefined();
      bot.double.reset();
    }
    expect(await say(1013, '/start')).toHaveLength(1);
  }, 30_000);

  it('survives a user who blocked the bot', async () => {
    bot.double.addChat(1012);
    bot.double.blockChat(1012);
    const update = bot.double.sendUserMessage(testUser(1012), '/start');
    expect((await bot.post(update)).status).toBe(200);
    expect(bot.logs.find((l) => l.msg === 'could not send the apology' && l.updateId === update.update_id)).toBeDefined();
    expect(await say(1013, '/start')).toHaveLength(1);
  });
});
