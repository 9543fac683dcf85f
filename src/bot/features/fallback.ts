import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { mainMenuKeyboard } from '../menu.ts';

/** Last in the chain: nothing a person sends goes unanswered. */
export const fallbackFeature = new Composer<BotContext>();

fallbackFeature.on('callback_query', async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t('common:errors.staleButton'), show_alert: true });
});

// In groups the bot speaks only when spoken to; private chats always get an answer.
fallbackFeature.chatType('private').on('message', async (ctx) => {
  await ctx.reply(ctx.t('common:errors.notUnderstood'), { reply_markup: mainMenuKeyboard(ctx.t) });
});

// A command addressed to this bot by name in a group ("/unknowncmd@paritrana_bot") is spoken to it.
fallbackFeature.chatType(['group', 'supergroup']).on('message:entities:bot_command', async (ctx, next) => {
  const text = ctx.message.text ?? '';
  const addressed = ctx.message.entities.some(
    (e) =>
      e.type === 'bot_command' &&
      text
        .slice(e.offset, e.offset + e.length)
        .toLowerCase()
        .endsWith(`@${ctx.me.username.toLowerCase()}`),
  );
  if (!addressed) return next();
  await ctx.reply(ctx.t('common:errors.notUnderstood'), { reply_markup: mainMenuKeyboard(ctx.t) });
});
