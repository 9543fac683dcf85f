// Hostile and odd updates through the real webhook, seeded so a failure can be replayed: no 5xx,
// no update handler failing, no call Telegram would refuse, and no private message left
// unanswered. Bounded: 2,000 updates from 400 people (under the rate limit each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'grammy/types';
import { testUser } from './support/bot-api-double.ts';
import { prng } from './support/prng.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

const SEED = 20261201;
const UPDATES = 2_000;
const PEOPLE = 400;

const COMMANDS = [
  '/start',
  '/cakupan',
  '/penghargaan',
  '/grafik',
  '/bandingkan',
  '/langganan',
  '/berhenti',
  '/perusahaan',
  '/iuran',
  '/daftar',
  '/bantuan',
  '/bahasa',
  '/menu',
  '/umumkan',
  '/acara',
  '/pemenang',
  '/kodeperusahaan',
  '/batal',
  '/nope',
  '/start@paritrana_bot',
  '/cakupan@other_bot',
];
const WORDS = [
  'sumsel',
  'jambi',
  'desa',
  'santur',
  'iuran',
  'brp',
  'jht',
  'paritrana',
  'award',
  'kota',
  'padang',
  'panjang',
  '2025',
  '2jt',
  'apa',
  'itu',
  'gmn',
  'daftar',
  'klaim',
  'ojol',
  'cuaca',
  'jakarta',
  'west',
  'java',
  'how',
  'much',
];
const ODD = [
  '\u0000',
  '<b>',
  '</i>',
  '&amp;',
  '"',
  "'",
  '\\',
  '%00',
  '😀',
  '🇮🇩',
  '\u202e',
  '\u200b',
  'ﷺ',
  '𝕏',
  '\n',
  '\t',
  '\r\n',
  '=HYPERLINK("x")',
  '${x}',
  '{{t}}',
  'NaN',
  '-1',
  '99999999999999999999',
  '1e309',
  'SELECT 1;',
  "' OR 1=1 --",
];

describe('fuzzed updates through the webhook', () => {
  it(`${UPDATES} seeded updates: no 5xx, no failing handler, nothing Telegram refuses, no private message unanswered`, async () => {
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const text = (): string => {
      const parts: string[] = [];
      const n = random() < 0.05 ? 800 : 1 + Math.floor(random() * 8);
      for (let i = 0; i < n; i++) parts.push(random() < 0.25 ? pick(ODD) : pick(WORDS));
      const joined = parts.join(random() < 0.5 ? ' ' : '');
      return random() < 0.4 ? `${pick(COMMANDS)} ${joined}` : joined;
    };
    const group = bot.double.addChat(-100_999_001, 'supergroup');
    const unanswered: string[] = [];
    const failures: string[] = [];
    for (let i = 0; i < UPDATES; i++) {
      const user = testUser(9_000_000 + (i % PEOPLE), {
        first_name: random() < 0.05 ? `Ri${pick(ODD)}na` : 'Rina',
        language_code: random() < 0.2 ? 'en' : 'id',
      });
      const roll = random();
      let update: Update;
      let privateText: string | undefined;
      if (roll < 0.7) {
        privateText = text().slice(0, 4096);
        update = bot.double.sendUserMessage(user, privateText);
      } else if (roll < 0.8) {
        update = bot.double.sendUserMessage(user, random() < 0.5 ? `@paritrana_bot ${text()}` : text(), { chat: group });
      } else if (roll < 0.9) {
        // A button press with data the bot may or may not have sent.
        const [message] = bot.double.sent(user.id).slice(-1);
        const data =
          random() < 0.5
            ? pick(['m:sub', 'm:co', 'm:iu', 'fb:u:coverage', 'kb:late-fine', 'cov:13.74:AAAAAAAA', 'um:ok:1', 'x'.repeat(64)])
            : `${pick(WORDS)}:${pick(ODD)}`;
        if (!message) continue;
        const onMessage = (
          (message.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? []
        ).flat();
        const real = onMessage.find((b) => b.callback_data)?.callback_data;
        update =
          real && random() < 0.5
            ? bot.double.pressButton(user, message, real)
            : bot.double.pushUpdate({
                callback_query: {
                  id: `fuzz-${i}`,
                  from: { id: user.id, is_bot: false, first_name: 'Rina' },
                  chat_instance: String(user.id),
                  message: {
                    message_id: message.message_id,
                    date: message.date,
                    chat: { id: user.id, type: 'private', first_name: 'Rina' },
                    text: message.text ?? '',
                  },
                  data,
                },
              } as never);
      } else {
        update = bot.double.sendInlineQuery(user, text().slice(0, 256));
      }
      const callsBefore = bot.double.calls.length;
      const res = await bot.post(update);
      if (res.status >= 500) failures.push(`#${i} HTTP ${res.status}`);
      const refused = bot.double.calls.slice(callsBefore).filter((c) => c.status >= 400);
      for (const c of refused) failures.push(`#${i} ${c.method} ${c.status} ${JSON.stringify(c.response).slice(0, 120)}`);
      if (privateText !== undefined && bot.double.calls.slice(callsBefore).every((c) => Number(c.payload.chat_id) !== user.id)) {
        unanswered.push(`#${i} ${JSON.stringify(privateText.slice(0, 60))}`);
      }
    }
    const handlerErrors = bot.logs
      .filter((l) => /update handler failed|unhandled bot error/.test(String(l.msg)))
      .map((l) => JSON.stringify(l).slice(0, 1500));
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
    expect(handlerErrors.slice(0, 3)).toEqual([]);
    expect(unanswered.slice(0, 5)).toEqual([]);
  }, 240_000);
});
