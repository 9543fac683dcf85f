// /cakupan <wilayah>: a region's coverage figures, with buttons to go further.
import { Composer, InlineKeyboard } from 'grammy';
import { type CoverageReport } from '../../domain/coverage/coverage-report.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { regionFromText } from '../region-question.ts';
import { coverageMessage } from './coverage-message.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { commandNames } from '../commands.ts';
import { askRegion } from '../region-prompt.ts';
import { todayInJakarta } from '../../domain/calendar.ts';

export const coverageFeature = new Composer<BotContext>();

/** `known`: the report when the caller has read it already. */
export async function replyWithCoverage(ctx: BotContext, regionCode: string, known?: CoverageReport): Promise<void> {
  const report = known ?? (await ctx.deps.reads.coverageReport(regionCode));
  const keyboard = cardKeyboard(ctx, regionCode);
  if (!report) {
    const asked = (await regionName(ctx.deps.prisma, regionCode)) ?? regionCode;
    await ctx.reply(ctx.t('coverage:none', { asked }), { reply_markup: keyboard });
    return;
  }
  const today = todayInJakarta(ctx.deps.clock?.() ?? new Date());
  // The card is the same for everyone asking about the region that day in that language, until
  // the data changes (the report itself is kept until then): made once.
  const text = renderedCards.get(report, `${ctx.locale}|${today}`, () => coverageMessage(ctx.t, report, today));
  await ctx.reply(text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } });
}

/** A card's buttons, by language and region: the same for everyone, made once (up to a bound). */
const keyboards = new Map<string, InlineKeyboard>();
function cardKeyboard(ctx: BotContext, regionCode: string): InlineKeyboard {
  const key = `${ctx.locale}|${regionCode}`;
  let keyboard = keyboards.get(key);
  if (!keyboard) {
    if (keyboards.size >= 10_000) keyboards.clear();
    keyboard = new InlineKeyboard()
      .text(ctx.t('coverage:awardsButton'), BUTTONS.awards.data(ctx, regionCode))
      .text(ctx.t('coverage:chartButton'), BUTTONS.chart.data(ctx, regionCode))
      .row()
      .text(ctx.t('compare:button'), BUTTONS.compare.data(ctx, regionCode))
      .text(ctx.t('subscriptions:button'), BUTTONS.subscribe.data(ctx, regionCode))
      .text(ctx.t('coverage:menuButton'), MENU);
    keyboards.set(key, keyboard);
  }
  return keyboard;
}

/** Cards by report (an object kept until the data changes) and language and day. */
const renderedCards = {
  byReport: new WeakMap<CoverageReport, Map<string, string>>(),
  get(report: CoverageReport, key: string, render: () => string): string {
    let cards = this.byReport.get(report);
    if (!cards) this.byReport.set(report, (cards = new Map()));
    let card = cards.get(key);
    if (card === undefined) cards.set(key, (card = render()));
    return card;
  },
};

/** Answers a coverage question about `text`, asking which region when several match. */
export async function answerCoverage(ctx: BotContext, text: string): Promise<void> {
  const region = await regionFromText(ctx, text, BUTTONS.coverage);
  if (region) await replyWithCoverage(ctx, region.code);
}

coverageFeature.command(commandNames('coverage'), async (ctx) => {
  const text = ctx.match.trim();
  if (!text) {
    await ctx.reply(ctx.t('regions:askName', { example: '/cakupan Sumsel' }));
    return;
  }
  await answerCoverage(ctx, text);
});

BUTTONS.menuCoverage.on(coverageFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askRegion(ctx, 'coverage');
});

BUTTONS.coverage.on(coverageFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (code) await replyWithCoverage(ctx, code);
});
