// /daftar: how an informal worker enrolls, in one message (the JMO steps and every other
// way in), with the questions people ask next as buttons; the knowledge entry
// "how-to-register" is the text, so officials can correct it by import.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { replyWithKnowledge } from './knowledge.ts';
import { commandNames } from '../commands.ts';
import { BUTTONS } from '../buttons.ts';

export const enrollFeature = new Composer<BotContext>();

const HOW_TO_REGISTER = 'how-to-register';

export async function answerEnroll(ctx: BotContext): Promise<void> {
  if (await replyWithKnowledge(ctx, HOW_TO_REGISTER)) return;
  await ctx.reply(ctx.t('enroll:missing'), { reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU) });
}

enrollFeature.command(commandNames('enroll'), answerEnroll);

async function pressed(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery();
  await answerEnroll(ctx);
}
BUTTONS.menuEnrol.on(enrollFeature, pressed);
// The pages of the old six-step guide still on people's screens.
BUTTONS.enrolStep.on(enrollFeature, pressed);
