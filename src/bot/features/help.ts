import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { backToMenuKeyboard } from '../menu.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';

export const helpFeature = new Composer<BotContext>();

helpFeature.command(commandNames('help'), async (ctx) => {
  await ctx.reply(ctx.t('help:text'), { reply_markup: backToMenuKeyboard(ctx.t) });
});

BUTTONS.help.on(helpFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('help:text'), { reply_markup: backToMenuKeyboard(ctx.t) });
});
