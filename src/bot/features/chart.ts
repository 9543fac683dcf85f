// /grafik <wilayah>: the coverage trend of a region as a picture.
import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { barChartSvg, chartSeries, coverageChartSvg, renderPng } from '../../charts/coverage-chart.ts';
import { rankRegions, type RankingMetric } from '../../domain/coverage/coverage-ranking.ts';
import { fmt } from '../../i18n/format.ts';
import { replyWithCoverage } from './coverage.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { regionFromText } from '../region-question.ts';
import { askRegion } from '../region-prompt.ts';
import { MENU } from '../menu.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { commandNames } from '../commands.ts';

export const chartFeature = new Composer<BotContext>();

/** "/grafik provinsi", "/chart provinces", "semua provinsi". */
const ALL_PROVINCES = /^(semua\s+|all\s+)?(provinsi|provinces?)$/i;

/**
 * The latest figure of every province that has one, highest first, each bar with its date: one
 * picture of where Indonesia stands. Figures of different dates sit side by side, and say so.
 */
export async function replyWithProvincesChart(ctx: BotContext, metric: RankingMetric = 'coveragePercent'): Promise<void> {
  const ranked = await rankRegions(ctx.deps.pool, metric, 'most', 'province');
  const other: RankingMetric = metric === 'coveragePercent' ? 'activeParticipants' : 'coveragePercent';
  const keyboard = new InlineKeyboard()
    .text(ctx.t(`chart:provinces.switch.${other}`), BUTTONS.provincesChart.data(other === 'coveragePercent' ? 'p' : 'n'))
    .row()
    .text(ctx.t('coverage:menuButton'), MENU);
  if (!ranked.length) return void (await ctx.reply(ctx.t('chart:provinces.none'), { reply_markup: keyboard }));
  await ctx.replyWithChatAction('upload_photo');
  const f = fmt(ctx.t);
  const format = metric === 'coveragePercent' ? (n: number) => f.percent(n) : (n: number) => f.compact(n);
  const svg = barChartSvg(
    ranked.map((r) => ({
      label: r.name,
      value: r.value,
      date: f.calendarDate(r.asOf, r.asOfPrecision === 'day' ? 'month' : r.asOfPrecision),
    })),
    {
      title: ctx.t('chart:provinces.title', { interpolation: { escapeValue: false } }),
      axis: ctx.t(`chart:axis.${metric === 'coveragePercent' ? 'percent' : 'active'}`),
      footer: ctx.t('chart:provinces.footer', { interpolation: { escapeValue: false } }),
      format,
      percent: metric === 'coveragePercent',
    },
  );
  const sources = [...new Set(ranked.map((r) => r.sourceName))].join('; ');
  const caption = ctx.t(`chart:provinces.caption.${metric}`, { count: ranked.length, sources });
  await ctx.replyWithPhoto(new InputFile(renderPng(svg), 'cakupan-provinsi.png'), { caption, reply_markup: keyboard });
}

/** A region's trend, or the provinces side by side when no region was named. */
export async function replyWithChart(ctx: BotContext, regionCode: string): Promise<void> {
  const report = await ctx.deps.reads.coverageReport(regionCode);
  const chart = report && chartSeries(report.history);
  // One figure is no trend: say so, and show the figure itself with its source.
  if (report && chart && chart.points.length < 2) {
    await ctx.reply(ctx.t('chart:onePoint', { region: report.shown.name }));
    return replyWithCoverage(ctx, regionCode, report);
  }
  if (!report || !chart) {
    const asked = (await regionName(ctx.deps.prisma, regionCode)) ?? regionCode;
    await ctx.reply(ctx.t('chart:none', { asked }));
    return;
  }
  // Rendering takes a moment: show that a picture is coming.
  await ctx.replyWithChatAction('upload_photo');
  const { points, series, metric } = chart;
  const format = metric === 'percent' ? (n: number) => fmt(ctx.t).percent(n) : (n: number) => fmt(ctx.t).compact(n);
  const last = points.at(-1)!;
  const sources = [...new Set(points.map((p) => p.sourceName))].join('; ');
  const svg = coverageChartSvg(series, {
    title: ctx.t('chart:title', { region: report.shown.name, interpolation: { escapeValue: false } }),
    axis: ctx.t(`chart:axis.${metric}`),
    ...(series.target !== undefined
      ? { target: ctx.t('chart:target', { value: fmt(ctx.t).percent(series.target), year: last.targetYear ?? '' }) }
      : {}),
    footer: ctx.t('chart:footer', { sources, interpolation: { escapeValue: false } }),
    labels: points.map((p) => (p.asOfPrecision === 'year' ? p.asOf.slice(0, 4) : fmt(ctx.t).shortMonth(new Date(`${p.asOf}T00:00:00Z`)))),
    format,
  });
  const params = {
    region: report.shown.name,
    asked: report.asked.name,
    count: points.length,
    from: fmt(ctx.t).calendarDate(points[0]!.asOf, points[0]!.asOfPrecision),
    to: fmt(ctx.t).calendarDate(last.asOf, last.asOfPrecision),
  };
  const caption = [
    ctx.t(report.shown.code === report.asked.code ? 'chart:caption' : 'chart:captionFallback', params),
    ...(chart.leftOut ? [ctx.t('chart:otherSources', { count: chart.leftOut })] : []),
  ].join('\n');
  const keyboard = new InlineKeyboard()
    .text(ctx.t('understanding:placeButton', { region: report.shown.name }), BUTTONS.coverage.data(ctx, report.shown.code))
    .text(ctx.t('chart:provinces.button'), BUTTONS.provincesChart.data('p'))
    .row()
    .text(ctx.t('coverage:menuButton'), MENU);
  await ctx.replyWithPhoto(new InputFile(renderPng(svg), `cakupan-${report.shown.code}.png`), { caption, reply_markup: keyboard });
}

chartFeature.command(commandNames('chart'), async (ctx) => {
  const text = ctx.match.trim();
  if (!text) return chartPrompt(ctx);
  if (ALL_PROVINCES.test(text)) return replyWithProvincesChart(ctx);
  const region = await regionFromText(ctx, text, BUTTONS.chart);
  if (region) await replyWithChart(ctx, region.code);
});

/** Which region's chart: the likely ones as buttons, and all provinces. */
export function chartPrompt(ctx: BotContext): Promise<void> {
  return askRegion(ctx, 'chart', (keyboard) => keyboard.text(ctx.t('chart:provinces.button'), BUTTONS.provincesChart.data('p')).row());
}

BUTTONS.provincesChart.on(chartFeature, async (ctx, metric) => {
  await ctx.answerCallbackQuery();
  await replyWithProvincesChart(ctx, metric === 'p' ? 'coveragePercent' : 'activeParticipants');
});

BUTTONS.chart.on(chartFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (code) await replyWithChart(ctx, code);
});
