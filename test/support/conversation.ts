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

export function conversation(bot: () => TestBot) {
  const sentSince = async (chatId: number, act: () => Promise<Response>) => {
    const before = bot().double.sent(chatId).length;
    expect((await act()).status).toBe(200);
    return bot().double.sent(chatId).slice(before);
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
