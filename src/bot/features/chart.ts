// /grafik <wilayah>: the coverage trend of a region as a picture.
import { Composer, InputFile } from 'grammy';
import { chartSeries, coverageChartSvg, renderPng } from '../../charts/coverage-chart.ts';
import { coverageReport } from '../../domain/coverage/coverage-report.ts';
import { fmt } from '../../i18n/format.ts';
import { replyWithCoverage } from './coverage.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { regionFromText } from '../region-question.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { commandNames } from '../commands.ts';

export const chartFeature = new Composer<BotContext>();

async function replyWithChart(ctx: BotContext, regionCode: string): Promise<void> {
  const report = await coverageReport(ctx.deps.pool, regionCode);
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
  const caption = ctx.t(report.shown.code === report.asked.code ? 'chart:caption' : 'chart:captionFallback', params);
  await ctx.replyWithPhoto(new InputFile(renderPng(svg), `cakupan-${report.shown.code}.png`), { caption });
}

chartFeature.command(commandNames('chart'), async (ctx) => {
  const text = ctx.match.trim();
  if (!text) {
    await ctx.reply(ctx.t('regions:askName', { example: '/grafik Papua Barat Daya' }));
    return;
  }
  const region = await regionFromText(ctx, text, BUTTONS.chart);
  if (region) await replyWithChart(ctx, region.code);
});

BUTTONS.chart.on(chartFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (code) await replyWithChart(ctx, code);
});
