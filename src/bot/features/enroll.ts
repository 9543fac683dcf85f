// /daftar: how an informal worker enrolls, one step per screen rather than a wall of text.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';

export const enrollFeature = new Composer<BotContext>();
const STEP = /^en:(\d)$/;

function stepScreen(ctx: BotContext, step: number) {
  const steps = ctx.t('enroll:steps', { returnObjects: true }) as string[];
  const index = Math.min(Math.max(step, 0), steps.length - 1);
  const keyboard = new InlineKeyboard();
  if (index > 0) keyboard.text(ctx.t('enroll:previous'), `en:${index - 1}`);
  if (index < steps.length - 1) keyboard.text(ctx.t('enroll:next'), `en:${index + 1}`);
  keyboard.row().text(ctx.t('enroll:calculate'), 'm:iu').text(ctx.t('coverage:menuButton'), MENU);
  const text = `${steps[index]}\n\n<i>${ctx.t('enroll:step', { step: index + 1, steps: steps.length })}</i>`;
  return { text, keyboard };
}

export async function answerEnroll(ctx: BotContext): Promise<void> {
  const { text, keyboard } = stepScreen(ctx, 0);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

enrollFeature.command(['daftar', 'enroll'], answerEnroll);

enrollFeature.callbackQuery('m:en', async (ctx) => {
  await ctx.answerCallbackQuery();
  await answerEnroll(ctx);
});

enrollFeature.callbackQuery(STEP, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { text, keyboard } = stepScreen(ctx, Number(ctx.match[1]));
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
});
