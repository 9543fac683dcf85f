import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { setUserLocale } from '../../domain/users.ts';
import { translator } from '../../i18n/i18n.ts';
import { LOCALES, isLocale } from '../../i18n/locales.ts';
import { MENU, mainMenuKeyboard } from '../menu.ts';
import { commandNames } from '../commands.ts';

export const languageFeature = new Composer<BotContext>();

function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) {
    const mark = locale === ctx.locale ? ` ${ctx.t('language:current')}` : '';
    keyboard.text(`${ctx.t(`language:names.${locale}`)}${mark}`, `lang:${locale}`).row();
  }
  return keyboard.text(ctx.t('common:menu.back'), MENU);
}

languageFeature.command(commandNames('language'), async (ctx) => {
  await ctx.reply(ctx.t('language:prompt'), { reply_markup: languageKeyboard(ctx) });
});

languageFeature.callbackQuery('lang', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('language:prompt'), { reply_markup: languageKeyboard(ctx) });
});

languageFeature.callbackQuery(/^lang:(.+)$/, async (ctx) => {
  const chosen = ctx.match[1];
  if (!isLocale(chosen) || !ctx.from) {
    await ctx.answerCallbackQuery({ text: ctx.t('common:errors.staleButton') });
    return;
  }
  await setUserLocale(ctx.deps.prisma, ctx.from.id, chosen);
  ctx.locale = chosen;
  ctx.t = translator(ctx.deps.i18n, chosen);
  await ctx.answerCallbackQuery({ text: ctx.t('language:changed') });
  await ctx.editMessageText(`${ctx.t('language:changed')}\n\n${ctx.t('common:menu.title')}`, {
    reply_markup: mainMenuKeyboard(ctx.t),
  });
});
