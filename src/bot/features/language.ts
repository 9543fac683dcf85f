import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { setUserLocale } from '../../domain/users.ts';
import { translator } from '../../i18n/i18n.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { BUTTONS } from '../buttons.ts';
import { MENU, mainMenuKeyboard } from '../menu.ts';
import { commandNames } from '../commands.ts';

export const languageFeature = new Composer<BotContext>();

function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) {
    const mark = locale === ctx.locale ? ` ${ctx.t('language:current')}` : '';
    keyboard.text(`${ctx.t(`language:names.${locale}`)}${mark}`, BUTTONS.language.data(locale)).row();
  }
  return keyboard.text(ctx.t('common:menu.back'), MENU);
}

languageFeature.command(commandNames('language'), async (ctx) => {
  await ctx.reply(ctx.t('language:prompt'), { reply_markup: languageKeyboard(ctx) });
});

BUTTONS.languages.on(languageFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('language:prompt'), { reply_markup: languageKeyboard(ctx) });
});

BUTTONS.language.on(languageFeature, async (ctx, chosen) => {
  await setUserLocale(ctx.deps.prisma, ctx.callbackQuery.from.id, chosen);
  ctx.locale = chosen;
  ctx.t = translator(ctx.deps.i18n, chosen);
  await ctx.answerCallbackQuery({ text: ctx.t('language:changed') });
  await ctx.editMessageText(`${ctx.t('language:changed')}\n\n${ctx.t('common:menu.title')}`, {
    reply_markup: mainMenuKeyboard(ctx.t),
  });
});
