// Talking to a test bot as its users: messages in, what the double received out.
import { expect } from 'vitest';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BotMessage, UserLike } from '../../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './bot-api-double.ts';
import type { TestBot } from './service.ts';

/** The inline buttons of a message: their text and callback data. */
export function buttonsOf(message: BotMessage | undefined): { text: string; data: string }[] {
  return ((message?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [])
    .flat()
    .map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data! : '' }));
}

/**
 * Figures written against Indonesian style (PUEBI), which both languages follow for now: a space
 * before "%" or after "Rp". Every answer of every conversation test is checked for them.
 */
export const OLD_FORMS = /\d[\s\u00a0]%|Rp[\s\u00a0]\d/;

export function conversation(bot: () => TestBot) {
  const sentSince = async (chatId: number, act: () => Promise<Response>) => {
    const before = bot().double.sent(chatId).length;
    expect((await act()).status).toBe(200);
    const replies = bot().double.sent(chatId).slice(before);
    for (const reply of replies) expect(reply.text, 'Indonesian typography (PUEBI)').not.toMatch(OLD_FORMS);
    return replies;
  };
  return {
    /** The user writes `text` in a private chat; the messages the bot sent back. */
    say: (userId: number, text: string, overrides: Partial<UserLike> = {}) =>
      sentSince(userId, () => bot().post(bot().double.sendUserMessage(testUser(userId, overrides), text))),
    /** The user presses the button with this data (it must be on the message). */
    press: (userId: number, message: BotMessage, data: string) =>
      sentSince(userId, () => bot().post(bot().double.pressButton(testUser(userId), message, data))),
    /** A callback the bot never sent, built by hand as a forger would. */
    forge: async (userId: number, message: BotMessage, data: string) => {
      const update = bot().double.pushUpdate({
        callback_query: {
          id: `forged-${userId}-${data}`,
          from: testUser(userId) as never,
          chat_instance: String(userId),
          message: {
            message_id: message.message_id,
            date: message.date,
            chat: { id: userId, type: 'private', first_name: 'Uji' },
            text: message.text,
          },
          data,
        },
      });
      expect((await bot().post(update)).status).toBe(200);
    },
  };
}
