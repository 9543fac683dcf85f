import { Composer } from 'grammy';
import type { TFunction } from '../../i18n/i18n.ts';
import { escapeHtml } from '../../i18n/html.ts';
import type { BotContext } from '../context.ts';
import { answerCompany, COMPANY_START } from './company.ts';
import { mainMenuKeyboard } from '../menu.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';

export const startFeature = new Composer<BotContext>();

/** Stands for the name in the greeting as translated once per language. */
const NAME = '\u0000name\u0000';
const greetings = new WeakMap<TFunction, string>();

/**
 * The greeting and the menu's title, translated once per language with the name left open: the
 * name goes in escaped, as the translation would escape it. Most people's first message is /start.
 */
function greeting(t: TFunction, name: string): string {
  let text = greetings.get(t);
  if (text === undefined) greetings.set(t, (text = `${t('start:greeting', { name: NAME })}\n\n${t('common:menu.title')}`));
  return text.replace(NAME, () => escapeHtml(name));
}

startFeature.command(commandNames('start'), async (ctx) => {
  // t.me/<bot>?start=perusahaan, from a group where company figures are not shown.
  if (ctx.match === COMPANY_START) return answerCompany(ctx);
  await ctx.reply(greeting(ctx.t, ctx.from?.first_name ?? ''), { reply_markup: mainMenuKeyboard(ctx.t) });
});

startFeature.command(commandNames('menu'), async (ctx) => {
  await ctx.reply(ctx.t('common:menu.title'), { reply_markup: mainMenuKeyboard(ctx.t) });
});

BUTTONS.menu.on(startFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('common:menu.title'), { reply_markup: mainMenuKeyboard(ctx.t) });
});
