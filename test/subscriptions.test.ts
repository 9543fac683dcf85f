// Subscriptions by command, button and deep link, through the Bot API double.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSubscriptions, regionCodeFromStartParam, regionCodeToStartParam } from '../src/domain/subscriptions/subscriptions.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

const talk = conversation(() => bot);
const say = talk.say;
/** Presses the button whose text begins with `text`. */
const press = (userId: number, message: BotMessage, text: string) =>
  talk.press(userId, message, buttonsOf(message).find((b) => b.text.startsWith(text))!.data);

const subscriptionsOf = (chatId: number) => listSubscriptions(bot.service.db.pool, chatId);

describe('subscriptions', () => {
  it('a province asks whether its regencies and cities are included', async () => {
    const [ask] = await say(5001, '/langganan sumbar');
    expect(ask!.text).toContain('Anda mau berlangganan pengumuman Sumatera Barat. Sekalian kabupaten/kota di dalamnya?');
    const [done] = await press(5001, ask!, 'Ya, termasuk');
    expect(done!.text).toContain('Anda berlangganan pengumuman untuk Sumatera Barat, termasuk kabupaten/kota');
    expect(await subscriptionsOf(5001)).toEqual([
      { regionCode: '13', regionName: 'Sumatera Barat', level: 'province', includeChildren: true },
    ]);
  });

  it('a city subscribes at once; again it says so; the list drops one; /berhenti drops all', async () => {
    const [first] = await say(5002, '/langganan padang panjang');
    expect(first!.text).toContain('Anda berlangganan pengumuman untuk Kota Padang Panjang.');
    const [again] = await say(5002, '/langganan pemkot padang panjang');
    expect(again!.text).toContain('Anda sudah berlangganan');
    await say(5002, '/langganan tangsel');
    const [list] = await say(5002, '/langganan');
    expect(list!.text).toContain('• Kota Padang Panjang');
    expect(list!.text).toContain('• Kota Tangerang Selatan');
    const [dropped] = await press(5002, list!, '❌ Kota Tangerang Selatan');
    expect(dropped!.text).toContain('Langganan untuk Kota Tangerang Selatan dihentikan');
    expect((await subscriptionsOf(5002)).map((s) => s.regionCode)).toEqual(['13.74']);
    const [all] = await say(5002, '/berhenti');
    expect(all!.text).toContain('Semua langganan Anda dihentikan (1)');
    expect(await subscriptionsOf(5002)).toEqual([]);
    const [none] = await say(5002, '/langganan');
    expect(none!.text).toContain('belum berlangganan');
  });

  it('a deep link subscribes in one tap, and a province can then include its regencies', async () => {
    expect(regionCodeToStartParam('13.74')).toBe('sub_13-74');
    expect(regionCodeFromStartParam('sub_13-73-02-2005')).toBe('13.73.02.2005');
    expect(regionCodeFromStartParam('sub_../x')).toBeUndefined();
    const [done] = await say(5003, `/start ${regionCodeToStartParam('16')}`);
    expect(done!.text).toContain('Anda berlangganan pengumuman untuk Sumatera Selatan.');
    const [wider] = await press(5003, done!, '➕');
    expect(wider!.text).toContain('Langganan untuk Sumatera Selatan diperbarui, termasuk kabupaten/kota');
    const [plainStart] = await say(5003, '/start sub_99-99');
    expect(plainStart!.text).toMatch(/^Halo/);
  });

  it('with none yet, offers the region asked about last and the menu, not a dead end', async () => {
    await say(6301, 'brp cakupan jambi');
    const [none] = await say(6301, '/langganan');
    expect(none!.text).toContain('Anda belum berlangganan pengumuman apa pun.');
    expect(buttonsOf(none).map((b) => b.text)).toEqual(['🔔 Langganan Jambi', '🏠 Menu']);
  });

  it('asks from the menu which region to follow, and a name typed next subscribes to it', async () => {
    const [menu] = await say(6302, '/menu');
    const [ask] = await press(6302, menu!, '🔔');
    expect(ask!.text).toContain('Wilayah mana yang ingin Anda ikuti? Tulis saja namanya');
    const [done] = await say(6302, 'kota padang panjang');
    expect(done!.text).toContain('Anda berlangganan pengumuman untuk Kota Padang Panjang.');
    const [list] = await say(6302, '/langganan');
    expect(list!.text).toContain('Untuk menambah wilayah, tulis saja namanya.');
  });

  it('the coverage card has a subscribe button', async () => {
    const [card] = await say(5004, '/cakupan sawahlunto');
    const [done] = await press(5004, card!, '🔔');
    expect(done!.text).toContain('Anda berlangganan pengumuman untuk Kota Sawahlunto');
  });
});

describe('in a group', () => {
  it('only its administrators subscribe or unsubscribe it; a member is told so and changes nothing', async () => {
    const group = bot.double.addChat(-100_5601, 'supergroup');
    bot.double.setChatAdministrators(group.id, [5602]);
    const inGroup = async (userId: number, text: string) => {
      const before = bot.double.sent(group.id).length;
      expect((await bot.post(bot.double.sendUserMessage(testUser(userId), text, { chat: group }))).status).toBe(200);
      return bot.double.sent(group.id).slice(before);
    };
    const [refused] = await inGroup(5601, '/langganan@paritrana_bot padang panjang');
    expect(refused!.text).toBe(
      'Hanya admin grup ini yang bisa mengatur langganan grup. Kalau Anda ingin menerima pengumuman sendiri, kirim /langganan lewat chat pribadi dengan saya.',
    );
    expect(await subscriptionsOf(group.id)).toEqual([]);
    const [done] = await inGroup(5602, '/langganan@paritrana_bot padang panjang');
    expect(done!.text).toContain('Anda berlangganan pengumuman untuk Kota Padang Panjang.');
    expect(await subscriptionsOf(group.id)).toHaveLength(1);
    // A member can neither drop it with a command nor with the admin's button.
    const [list] = await inGroup(5601, '/langganan@paritrana_bot');
    expect(list!.text).toContain('• Kota Padang Panjang');
    const [noDrop] = await inGroup(5601, '/berhenti@paritrana_bot');
    expect(noDrop!.text).toContain('Hanya admin grup ini');
    const drop = buttonsOf(list).find((b) => b.text.includes('Padang Panjang'))!;
    const before = bot.double.sent(group.id).length;
    expect((await bot.post(bot.double.pressButton(testUser(5601), list!, drop.data))).status).toBe(200);
    expect(bot.double.sent(group.id).slice(before)[0]!.text).toContain('Hanya admin grup ini');
    expect(await subscriptionsOf(group.id)).toHaveLength(1);
    const [dropped] = await inGroup(5602, '/berhenti@paritrana_bot');
    expect(dropped!.text).not.toContain('Hanya admin');
    expect(await subscriptionsOf(group.id)).toEqual([]);
  });
});
