// /iuran [penghasilan]: what an informal worker pays a month. Asks, with buttons, for what the
// message did not say: the income, JHT or not, transport sector or not.
import { Composer, InlineKeyboard } from 'grammy';
import { todayInJakarta } from '../../domain/calendar.ts';
import { estimateBpuContribution } from '../../domain/contributions/contribution-calculator.ts';
import { incomeIn } from '../../domain/contributions/income-text.ts';
import { rememberCalculation } from '../../domain/reminders/payment-reminders.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { mentionsAny, wordList } from '../words.ts';
import { INCOME_CHOICES, replyWithCalculator } from './calculator.ts';
import { contributionMessage } from './contribution-message.ts';
import { commandNames } from '../commands.ts';

export const contributionFeature = new Composer<BotContext>();

interface Answers {
  income?: number;
  withJht?: boolean;
  transport?: boolean;
}

/** What the words of a message already say. */
export function contributionAnswers(ctx: BotContext, text: string): Answers {
  const answers: Answers = {};
  const income = incomeIn(text);
  if (income !== undefined) answers.income = income;
  if (mentionsAny(text, wordList(ctx.t, 'contribution:words.withoutJht'))) answers.withJht = false;
  else if (mentionsAny(text, wordList(ctx.t, 'contribution:words.withJht'))) answers.withJht = true;
  if (mentionsAny(text, wordList(ctx.t, 'contribution:words.transport'))) answers.transport = true;
  return answers;
}

/** Asks the next missing answer, or gives the estimate. */
export async function answerContribution(ctx: BotContext, answers: Answers, edit = false): Promise<void> {
  const send = (text: string, reply_markup: InlineKeyboard) =>
    edit ? ctx.editMessageText(text, { reply_markup }) : ctx.reply(text, { reply_markup });
  const { income, withJht, transport } = answers;
  if (income === undefined) {
    const keyboard = new InlineKeyboard();
    for (const amount of INCOME_CHOICES)
      keyboard.text(fmt(ctx.t).rupiah(amount), BUTTONS.contribution.data(ctx, amount, undefined, undefined));
    await send(ctx.t('contribution:askIncome'), keyboard);
    return;
  }
  const sign = (j: boolean | undefined, tr: boolean | undefined) => BUTTONS.contribution.data(ctx, income, j, tr);
  if (withJht === undefined) {
    await send(
      ctx.t('contribution:askJht', { income: fmt(ctx.t).rupiah(income) }),
      new InlineKeyboard()
        .text(ctx.t('contribution:withJht'), sign(true, transport))
        .text(ctx.t('contribution:withoutJht'), sign(false, transport)),
    );
    return;
  }
  if (transport === undefined) {
    await send(
      ctx.t('contribution:askTransport'),
      new InlineKeyboard().text(ctx.t('contribution:yes'), sign(withJht, true)).text(ctx.t('contribution:no'), sign(withJht, false)),
    );
    return;
  }
  const date = todayInJakarta(ctx.deps.clock?.() ?? new Date());
  const estimate = estimateBpuContribution(await ctx.deps.reads.contributionRules(), { income, withJht, transport, date });
  const keyboard = new InlineKeyboard()
    .text(ctx.t('reminder:setButton'), BUTTONS.reminderAsk.data(ctx, income, transport, withJht))
    .row()
    .text(ctx.t('contribution:again'), BUTTONS.contribution.data(ctx, undefined, undefined, undefined))
    .text(ctx.t('coverage:menuButton'), MENU);
  if (ctx.from) await rememberCalculation(ctx.deps.prisma, ctx.from.id, { income, transport, withJht });
  await send(estimate ? contributionMessage(ctx.t, estimate, income, date) : ctx.t('contribution:noRules'), keyboard);
}

/** Everything said: the estimate per programme; something missing: the answer first, refinements as buttons. */
contributionFeature.command(commandNames('contribution'), async (ctx) => {
  const answers = contributionAnswers(ctx, ctx.match);
  if (answers.income !== undefined && answers.withJht !== undefined && answers.transport !== undefined)
    return answerContribution(ctx, answers);
  await replyWithCalculator(ctx, answers.income, answers.transport);
});

BUTTONS.contribution.on(contributionFeature, async (ctx, income, withJht, transport) => {
  await ctx.answerCallbackQuery();
  const answers: Answers = {};
  if (income !== undefined) answers.income = income;
  if (withJht !== undefined) answers.withJht = withJht;
  if (transport !== undefined) answers.transport = transport;
  await answerContribution(ctx, answers, true);
});
