// /bandingkan <wilayah> dengan <wilayah>: two regions' coverage side by side. The coverage
// card's button asks for the second region with a reply prompt that carries the first's code.
import { Composer, InlineKeyboard } from 'grammy';
import { MENU, menuKeyboard } from '../menu.ts';
import { samePeriodPair, type CoverageReport, type CoverageSnapshotData } from '../../domain/coverage/coverage-report.ts';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { wordList } from '../words.ts';
import { regionName, regionNames } from '../../domain/regions/region-lookup.ts';
import { commandNames } from '../commands.ts';

export const compareFeature = new Composer<BotContext>();

/** The code a compare prompt carries: "(kode 16)" or "(code 16)". */
const PROMPT_CODE = /\((?:kode|code) (\d{2}(?:\.\d{2}){0,2}(?:\.\d{4})?)\)$/;

function regionLine(ctx: BotContext, report: CoverageReport | undefined, s: CoverageSnapshotData | undefined, name: string): string {
  if (!report || !s) return ctx.t('compare:noData', { region: name });
  const figures = [
    ...(s.activeParticipants !== null ? [ctx.t('compare:participants', { value: fmt(ctx.t).integer(s.activeParticipants) })] : []),
    ...(s.coveragePercent !== null ? [ctx.t('compare:percent', { value: fmt(ctx.t).percent(s.coveragePercent) })] : []),
    ...(s.activeParticipants === null && s.informal !== null
      ? [ctx.t('compare:participants', { value: fmt(ctx.t).integer(s.informal) })]
      : []),
  ].join(' · ');
  const date = fmt(ctx.t).calendarDate(s.asOf, s.asOfPrecision);
  return report.shown.code === report.asked.code
    ? ctx.t('compare:line', { region: name, figures, date })
    : ctx.t('compare:lineFallback', { region: name, shown: report.shown.name, figures, date });
}

export async function replyWithComparison(ctx: BotContext, codes: [string, string]): Promise<void> {
  const reports = await Promise.all(codes.map((code) => ctx.deps.reads.coverageReport(code)));
  const known = await regionNames(ctx.deps.prisma, codes);
  const names = codes.map((code) => known.get(code) ?? code);
  const [first, second] = reports;
  // Figures of the same period where the histories have them; else the latest, apart.
  const chosen = first && second ? samePeriodPair(first.history, second.history) : undefined;
  const shown = [chosen?.pair[0] ?? first?.latest, chosen?.pair[1] ?? second?.latest];
  const lines = [ctx.t('compare:title'), '', ...reports.map((r, i) => regionLine(ctx, r, shown[i], names[i]!))];
  const [a, b] = shown.map((s) => s?.coveragePercent ?? null);
  const when = (s: CoverageSnapshotData) => fmt(ctx.t).calendarDate(s.asOf, s.asOfPrecision);
  // Figures of different periods are shown side by side, with a warning, and not set against each other.
  if (chosen && !chosen.samePeriod)
    lines.push('', ctx.t('compare:differentPeriods', { first: when(chosen.pair[0]), second: when(chosen.pair[1]) }));
  else {
    if (chosen && (chosen.pair[0] !== first!.latest || chosen.pair[1] !== second!.latest))
      lines.push('', ctx.t('compare:samePeriodChosen'));
    if (a !== null && b !== null && a !== undefined && b !== undefined)
      lines.push(
        '',
        a === b
          ? ctx.t('compare:same')
          : ctx.t('compare:higher', { region: a > b ? names[0] : names[1], gap: fmt(ctx.t).decimal(Math.abs(a - b)) }),
      );
  }
  const sources = [...new Set(shown.flatMap((s) => (s ? [s.sourceName] : [])))];
  if (sources.length) lines.push(ctx.t('compare:sources', { sources: sources.join('; ') }));
  // Each region's own card is one tap away.
  const keyboard = new InlineKeyboard();
  codes.forEach((code, i) => keyboard.text(ctx.t('understanding:placeButton', { region: names[i] }), BUTTONS.coverage.data(ctx, code)));
  await ctx.reply(lines.join('\n'), { reply_markup: keyboard.row().text(ctx.t('coverage:menuButton'), MENU) });
}

async function firstRegion(ctx: BotContext, text: string): Promise<string | undefined> {
  const { candidates } = await resolveRegion(ctx.deps.pool, text, { limit: 1 });
  if (!candidates[0]) await ctx.reply(ctx.t('compare:notFound', { text }), { reply_markup: menuKeyboard(ctx.t) });
  return candidates[0]?.code;
}

compareFeature.command(commandNames('compare'), async (ctx) => {
  const separators = wordList(ctx.t, 'compare:separators').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = ctx.match
    .split(new RegExp(`\\s+(?:${separators.join('|')})\\s+|\\s*,\\s*`, 'i'))
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length !== 2) {
    await ctx.reply(ctx.t('compare:usage'), { reply_markup: menuKeyboard(ctx.t) });
    return;
  }
  const a = await firstRegion(ctx, parts[0]!);
  const b = a && (await firstRegion(ctx, parts[1]!));
  if (a && b) await replyWithComparison(ctx, [a, b]);
});

BUTTONS.compare.on(compareFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (!code) return;
  await ctx.reply(ctx.t('compare:ask', { region: (await regionName(ctx.deps.prisma, code)) ?? code, code }), {
    reply_markup: { force_reply: true, input_field_placeholder: ctx.t('compare:placeholder') },
  });
});

// The answer to a compare prompt: the prompt was the bot's own message, so its code is ours.
compareFeature.on('message:text', async (ctx, next) => {
  const prompt = ctx.message.reply_to_message;
  const code = prompt?.from?.id === ctx.me.id ? PROMPT_CODE.exec(prompt.text ?? '')?.[1] : undefined;
  if (!code || ctx.message.text.startsWith('/')) return next();
  const other = await firstRegion(ctx, ctx.message.text.replace(`@${ctx.me.username}`, ''));
  if (other) await replyWithComparison(ctx, [code, other]);
});
