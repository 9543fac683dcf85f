// "Provinsi mana yg pesertanya paling banyak": provinces ranked by their latest figure, each
// with its date, the sources below, and a warning that dates and sources differ.
import { InlineKeyboard } from 'grammy';
import { rankRegions, type RankingMetric } from '../../domain/coverage/coverage-ranking.ts';
import { formatCalendarDate, formatInteger, formatPercent } from '../../i18n/format.ts';
import { onSignedButton } from '../callback-data.ts';
import { ACTION } from '../button-actions.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { Composer } from 'grammy';

export const rankingFeature = new Composer<BotContext>();

const SHOWN = 5;

export async function replyWithRanking(ctx: BotContext, metric: RankingMetric, order: 'most' | 'least'): Promise<void> {
  const ranked = await rankRegions(ctx.deps.pool, metric, order);
  const otherMetric: RankingMetric = metric === 'activeParticipants' ? 'coveragePercent' : 'activeParticipants';
  const keyboard = new InlineKeyboard()
    .text(ctx.t(otherMetric === 'coveragePercent' ? 'understanding:ranking.otherMetric' : 'understanding:ranking.otherMetricParticipants'), ctx.buttons.sign(ACTION.ranking, otherMetric === 'coveragePercent' ? 'p' : 'n', order === 'most' ? 'm' : 'l'))
    .text(ctx.t('understanding:ranking.otherOrder'), ctx.buttons.sign(ACTION.ranking, metric === 'coveragePercent' ? 'p' : 'n', order === 'most' ? 'l' : 'm'))
    .row()
    .text(ctx.t('coverage:menuButton'), MENU);
  if (!ranked.length) return void (await ctx.reply(ctx.t('understanding:ranking.none'), { reply_markup: keyboard }));
  const title = `understanding:ranking.title${metric === 'coveragePercent' ? 'Percent' : 'Participants'}${order === 'most' ? 'Most' : 'Least'}`;
  const shown = ranked.slice(0, SHOWN);
  const lines = [ctx.t(title), ''];
  shown.forEach((r, i) =>
    lines.push(
      ctx.t(r.uncertain ? 'understanding:ranking.lineUncertain' : 'understanding:ranking.line', {
        position: i + 1,
        region: r.name,
        value: metric === 'coveragePercent' ? formatPercent(r.value) : formatInteger(r.value),
        date: formatCalendarDate(r.asOf, r.asOfPrecision),
      }),
    ),
  );
  lines.push('', ctx.t('understanding:ranking.basis', { count: ranked.length }));
  lines.push(ctx.t('understanding:ranking.sources', { sources: [...new Set(shown.map((r) => r.sourceName))].join('; ') }));
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML', reply_markup: keyboard });
}

onSignedButton(rankingFeature, ACTION.ranking, async (ctx, [metric, order]) => {
  await ctx.answerCallbackQuery();
  await replyWithRanking(ctx, metric === 'p' ? 'coveragePercent' : 'activeParticipants', order === 'l' ? 'least' : 'most');
});
