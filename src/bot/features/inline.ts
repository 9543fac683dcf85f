// Inline mode: "@paritrana_bot padang panjang" in any chat offers each matching region's
// coverage card, ready to share.
import { Composer, InlineQueryResultBuilder } from 'grammy';
import type { InlineQueryResult } from 'grammy/types';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { fmt } from '../../i18n/format.ts';
import type { BotContext } from '../context.ts';
import { regionLabel } from '../region-question.ts';
import { coverageMessage } from './coverage-message.ts';
import { todayInJakarta } from '../../domain/calendar.ts';

export const inlineFeature = new Composer<BotContext>();
const RESULTS = 5;

inlineFeature.on('inline_query', async (ctx) => {
  const query = ctx.inlineQuery.query.trim();
  const { candidates } = query.length >= 2 ? await resolveRegion(ctx.deps.pool, query, { limit: RESULTS }) : { candidates: [] };
  const results: InlineQueryResult[] = [];
  for (const candidate of candidates) {
    const report = await ctx.deps.reads.coverageReport(candidate.code);
    if (!report) continue;
    const s = report.latest;
    const people = s.activeParticipants ?? s.informal;
    const date = fmt(ctx.t).calendarDate(s.asOf, s.asOfPrecision);
    const summary =
      people === null
        ? `${fmt(ctx.t).percent(s.coveragePercent ?? 0)} · ${date}`
        : s.coveragePercent !== null
          ? ctx.t('inline:summary', { participants: fmt(ctx.t).integer(people), percent: fmt(ctx.t).percent(s.coveragePercent), date })
          : ctx.t('inline:summaryNoPercent', { participants: fmt(ctx.t).integer(people), date });
    const fallback = report.shown.code !== candidate.code ? ` (${ctx.t('inline:fallback', { shown: report.shown.name })})` : '';
    results.push(
      InlineQueryResultBuilder.article(candidate.code, regionLabel(candidate), {
        description: `${summary}${fallback}`,
      }).text(coverageMessage(ctx.t, report, todayInJakarta(ctx.deps.clock?.() ?? new Date())), {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      }),
    );
  }
  if (!results.length && query.length >= 2) {
    results.push(
      InlineQueryResultBuilder.article('none', ctx.t('inline:noResults'), { description: ctx.t('inline:noResultsText') }).text(
        ctx.t('inline:noResultsText'),
      ),
    );
  }
  await ctx.answerInlineQuery(results, { cache_time: 300 });
});
