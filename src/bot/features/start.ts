import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { answerCompany, COMPANY_START } from './company.ts';
import { mainMenuKeyboard } from '../menu.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';

export const startFeature = new Composer<BotContext>();

startFeature.command(commandNames('start'), async (ctx) => {
  // t.me/<bot>?start=perusahaan, from a group where company figures are not shown.
  if (ctx.match === COMPANY_START) return answerCompany(ctx);
  await ctx.reply(`${ctx.t('start:greeting', { name: ctx.from?.first_name ?? '' })}\n\n${ctx.t('common:menu.title')}`, {
    reply_markup: mainMenuKeyboard(ctx.t),
  });
});

startFeature.command(commandNames('menu'), async (ctx) => {
  await ctx.reply(ctx.t('common:menu.title'), { reply_markup: mainMenuKeyboard(ctx.t) });
});

BUTTONS.menu.on(startFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('common:menu.title'), { reply_markup: mainMenuKeyboard(ctx.t) });
});
