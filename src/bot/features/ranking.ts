// "Provinsi mana yg pesertanya paling banyak": provinces ranked by their latest figure, each
// with its date, the sources below, and a warning that dates and sources differ.
import { InlineKeyboard } from 'grammy';
import { rankRegions, type RankingMetric } from '../../domain/coverage/coverage-ranking.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { Composer } from 'grammy';

export const rankingFeature = new Composer<BotContext>();

const SHOWN = 5;

/** What is ranked: provinces, or regencies and cities (all of them, or those of one province). */
export type RankingScope = { level: 'province' } | { level: 'regency'; within?: string };

/** The scope in a button's data: "" provinces, "r" every regency, else the province's code. */
const scopeData = (scope: RankingScope) => (scope.level === 'province' ? '' : (scope.within ?? 'r'));
const scopeOf = (data: string | undefined): RankingScope =>
  !data ? { level: 'province' } : data === 'r' ? { level: 'regency' } : { level: 'regency', within: data };

export async function replyWithRanking(
  ctx: BotContext,
  metric: RankingMetric,
  order: 'most' | 'least',
  scope: RankingScope = { level: 'province' },
): Promise<void> {
  const within = scope.level === 'regency' ? scope.within : undefined;
  const ranked = await rankRegions(ctx.deps.pool, metric, order, scope.level, within);
  const area = within ? ((await regionName(ctx.deps.prisma, within)) ?? within) : 'Indonesia';
  const otherMetric: RankingMetric = metric === 'activeParticipants' ? 'coveragePercent' : 'activeParticipants';
  const data = scopeData(scope);
  const keyboard = new InlineKeyboard()
    .text(
      ctx.t(otherMetric === 'coveragePercent' ? 'understanding:ranking.otherMetric' : 'understanding:ranking.otherMetricParticipants'),
      BUTTONS.ranking.data(ctx, otherMetric === 'coveragePercent' ? 'p' : 'n', order === 'most' ? 'm' : 'l', data),
    )
    .text(
      ctx.t('understanding:ranking.otherOrder'),
      BUTTONS.ranking.data(ctx, metric === 'coveragePercent' ? 'p' : 'n', order === 'most' ? 'l' : 'm', data),
    )
    .row();
  // A ranking within a province leads to the province's own card.
  if (within) keyboard.text(ctx.t('understanding:placeButton', { region: area }), BUTTONS.coverage.data(ctx, within)).row();
  keyboard.text(ctx.t('coverage:menuButton'), MENU);
  if (!ranked.length) {
    const none = scope.level === 'regency' ? 'understanding:ranking.noneRegency' : 'understanding:ranking.none';
    return void (await ctx.reply(ctx.t(none, { area }), { reply_markup: keyboard }));
  }
  const title = `understanding:ranking.title${scope.level === 'regency' ? 'Regency' : ''}${metric === 'coveragePercent' ? 'Percent' : 'Participants'}${order === 'most' ? 'Most' : 'Least'}`;
  const shown = ranked.slice(0, SHOWN);
  const lines = [ctx.t(title, { area }), ''];
  shown.forEach((r, i) =>
    lines.push(
      ctx.t(r.uncertain ? 'understanding:ranking.lineUncertain' : 'understanding:ranking.line', {
        position: i + 1,
        region: r.name,
        value: metric === 'coveragePercent' ? fmt(ctx.t).percent(r.value) : fmt(ctx.t).integer(r.value),
        date: fmt(ctx.t).calendarDate(r.asOf, r.asOfPrecision),
      }),
    ),
  );
  lines.push(
    '',
    ctx.t(scope.level === 'regency' ? 'understanding:ranking.basisRegency' : 'understanding:ranking.basis', { count: ranked.length, area }),
  );
  lines.push(ctx.t('understanding:ranking.sources', { sources: [...new Set(shown.map((r) => r.sourceName))].join('; ') }));
  await ctx.reply(lines.join('\n'), { reply_markup: keyboard });
}

BUTTONS.ranking.on(rankingFeature, async (ctx, metric, order, scope) => {
  await ctx.answerCallbackQuery();
  await replyWithRanking(ctx, metric === 'p' ? 'coveragePercent' : 'activeParticipants', order === 'l' ? 'least' : 'most', scopeOf(scope));
});
