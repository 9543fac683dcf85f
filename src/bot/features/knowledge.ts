// A knowledge entry as an answer: the text, its source and date, and the entries people
// usually ask next as buttons (BUTTONS.knowledge, unsigned: any entry may be shown to anyone).
import { Composer, InlineKeyboard } from 'grammy';
import type { KnowledgeAnswer } from '../../domain/knowledge/knowledge-entries.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';

export const knowledgeFeature = new Composer<BotContext>();

/** A date stored as the first of a month (or of a year) was only known to the month (or year). */
function sourceDate(ctx: BotContext, iso: string): string {
  if (iso.endsWith('-01-01')) return fmt(ctx.t).calendarDate(iso, 'year');
  return fmt(ctx.t).calendarDate(iso, iso.endsWith('-01') ? 'month' : 'day');
}

export function knowledgeMessage(ctx: BotContext, entry: KnowledgeAnswer): string {
  const source = entry.sourceDate
    ? ctx.t('understanding:source', { source: entry.sourceName, date: sourceDate(ctx, entry.sourceDate) })
    : ctx.t('understanding:sourceUndated', { source: entry.sourceName });
  return [entry.answer, '', ...(entry.uncertain ? [ctx.t('understanding:uncertain')] : []), source].join('\n');
}

export function knowledgeKeyboard(ctx: BotContext, entry: KnowledgeAnswer): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const buttons = [
    ...entry.related.map((r) => ({ text: r.title, data: BUTTONS.knowledge.data(r.id) })),
    // A related answer the bot computes rather than an entry: the calculator.
    ...(entry.relatedBuiltIn.includes('calculator')
      ? [{ text: ctx.t('common:menu.contribution'), data: BUTTONS.menuContribution.data }]
      : []),
  ];
  buttons.forEach((b, i) => {
    keyboard.text(b.text, b.data);
    if (i % 2 === 1) keyboard.row();
  });
  if (buttons.length % 2 === 1) keyboard.row();
  return keyboard.text(ctx.t('coverage:menuButton'), MENU);
}

const renderedAnswers = new WeakMap<KnowledgeAnswer, { text: string; keyboard: InlineKeyboard }>();

/** Sends the entry; false when it does not exist (any more). */
export async function replyWithKnowledge(ctx: BotContext, id: string): Promise<boolean> {
  const entry = await ctx.deps.reads.knowledgeAnswer(id, ctx.locale);
  if (!entry) return false;
  // An answer is the same for everyone in one language until the data changes: rendered once.
  let rendered = renderedAnswers.get(entry);
  if (!rendered) renderedAnswers.set(entry, (rendered = { text: knowledgeMessage(ctx, entry), keyboard: knowledgeKeyboard(ctx, entry) }));
  await ctx.reply(rendered.text, { reply_markup: rendered.keyboard, link_preview_options: { is_disabled: true } });
  return true;
}

BUTTONS.knowledge.on(knowledgeFeature, async (ctx, id) => {
  const shown = await replyWithKnowledge(ctx, id);
  await ctx.answerCallbackQuery(shown ? undefined : { text: ctx.t('understanding:stale') });
});
