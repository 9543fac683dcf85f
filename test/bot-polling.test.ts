// Long polling end to end, on the embedded database: the default a new user gets with `npm start`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/service.ts';
import { testUser } from './support/bot-api-double.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'polling', embedded: true });
});
afterAll(async () => {
  await bot?.stop();
});

describe('polling on the embedded database', () => {
  it('removes any webhook and answers /start in Indonesian', async () => {
    expect(bot.service.db.kind).toBe('embedded');
    expect(bot.double.callsTo('deleteWebhook')).toHaveLength(1);
    bot.double.sendUserMessage(testUser(3001, { first_name: 'Joko' }), '/start');
    const reply = await bot.double.waitFor(() => bot.double.sent(3001)[0]);
    expect(reply.text).toMatch(/^Halo, Joko! 👋/);
  });

  it('keeps each chat in order while serving chats side by side', async () => {
    const users = [3101, 3102, 3103, 3104, 3105];
    for (const id of users) {
      bot.double.sendUserMessage(testUser(id), '/bahasa');
      bot.double.sendUserMessage(testUser(id), '/menu');
      bot.double.sendUserMessage(testUser(id), '/bantuan');
    }
    await bot.double.waitFor(() => users.every((id) => bot.double.sent(id).length === 3), 10_000);
    for (const id of users) {
      expect(bot.double.sent(id).map((m) => m.text.split('\n')[0])).toEqual([
        'Mau pakai bahasa apa? Pilih di bawah.',
        'Ada yang bisa saya bantu? Pilih di bawah, atau tulis saja pertanyaan Anda.',
        'Bantuan Paritrana Bot',
      ]);
    }
    expect(await bot.service.db.prisma.user.count({ where: { telegramId: { in: users.map(BigInt) } } })).toBe(5);
  });

  it('remembers the language chosen with a button', async () => {
    bot.double.sendUserMessage(testUser(3201), '/bahasa');
    const picker = await bot.double.waitFor(() => bot.double.sent(3201)[0]);
    bot.double.pressButton(testUser(3201), picker, 'lang:en');
    await bot.double.waitFor(() => picker.edits === 1);
    bot.double.sendUserMessage(testUser(3201), '/start');
    const greeting = await bot.double.waitFor(() => bot.double.sent(3201)[1]);
    expect(greeting.text).toMatch(/^Hello, Siti!/);
  });
});
