// The calculator's answer first: what a month costs for the income named (or the lowest one),
// the base package and with JHT, today's discount and what follows it; buttons refine the
// income and the sector, and lead to the per-programme estimate.
import { Composer, InlineKeyboard } from 'grammy';
import { todayInJakarta } from '../../domain/calendar.ts';
import { contributionOverview } from '../../domain/contributions/contribution-overview.ts';
import { rememberCalculation } from '../../domain/reminders/payment-reminders.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { calculatorMessage } from './calculator-message.ts';

export const calculatorFeature = new Composer<BotContext>();

/** The incomes offered as buttons, here and in the per-programme estimate. */
export const INCOME_CHOICES = [1_000_000, 2_000_000, 3_000_000, 5_000_000];

function calculatorKeyboard(ctx: BotContext, income: number | undefined, transport: boolean | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const amount of INCOME_CHOICES) {
    if (amount !== income)
      keyboard.text(
        ctx.t('understanding:calculator.incomeButton', { amount: fmt(ctx.t).rupiah(amount) }),
        BUTTONS.calculator.data(ctx, amount, transport),
      );
  }
  keyboard.row();
  if (transport !== true) keyboard.text(ctx.t('understanding:calculator.transportButton'), BUTTONS.calculator.data(ctx, income, true));
  if (transport !== false) keyboard.text(ctx.t('understanding:calculator.othersButton'), BUTTONS.calculator.data(ctx, income, false));
  keyboard.row().text(ctx.t('understanding:calculator.detailButton'), BUTTONS.contribution.data(ctx, income, undefined, transport));
  keyboard.row().text(ctx.t('reminder:setButton'), BUTTONS.reminderAsk.data(ctx, income, transport, undefined));
  return keyboard.row().text(ctx.t('coverage:menuButton'), MENU);
}

/** The contribution for what is known, both packages, no question asked. */
export async function replyWithCalculator(
  ctx: BotContext,
  income: number | undefined,
  transport: boolean | undefined,
  edit = false,
): Promise<void> {
  const date = todayInJakarta(ctx.deps.clock?.() ?? new Date());
  const overview = contributionOverview(await ctx.deps.reads.contributionRules(), {
    ...(income !== undefined ? { income } : {}),
    ...(transport !== undefined ? { transport } : {}),
    date,
  });
  const text = overview ? calculatorMessage(ctx.t, overview, date) : ctx.t('contribution:noRules');
  const reply_markup = calculatorKeyboard(ctx, income, transport);
  // Someone with a reminder: its amount follows their newest calculation.
  if (ctx.from && (income !== undefined || transport !== undefined))
    await rememberCalculation(ctx.deps.prisma, ctx.from.id, { income: income ?? null, transport: transport ?? null, withJht: null });
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

/** The calculator's refinements: another income, or the sector. */
BUTTONS.calculator.on(calculatorFeature, async (ctx, income, transport) => {
  await ctx.answerCallbackQuery();
  await replyWithCalculator(ctx, income, transport, true);
});

BUTTONS.menuContribution.on(calculatorFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await replyWithCalculator(ctx, undefined, undefined);
});
