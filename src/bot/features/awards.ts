// /penghargaan <wilayah | tahun | kategori>: the Paritrana Award history, paged with buttons.
import { Composer, InlineKeyboard } from 'grammy';
import { type AwardFilter, type CeremonyAwards } from '../../domain/awards/award-history.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { regionFromText } from '../region-question.ts';
import { awardPages } from './awards-message.ts';
import { escapeHtml, trustedHtml, type Html } from '../../i18n/html.ts';
import { commandNames } from '../commands.ts';
import { askRegion } from '../region-prompt.ts';

export const awardsFeature = new Composer<BotContext>();

/**
 * "r13.74", "y2025", "cpemerintah_desa", "all", or a region and a year together
 * ("r13~y2024"): the filter in button data.
 */
type FilterKey = string;

function filterOf(key: FilterKey): AwardFilter {
  const filter: AwardFilter = {};
  for (const part of key.split('~')) {
    if (part.startsWith('r')) filter.regionCode = part.slice(1);
    else if (part.startsWith('y')) filter.year = Number(part.slice(1));
    else if (part.startsWith('c')) filter.category = part.slice(1);
  }
  return filter;
}

/** "Sumatera Barat · 2024 · Pemerintah Kabupaten/Kota", as HTML: the region escaped, the words translated. */
async function subjectOf(ctx: BotContext, key: FilterKey): Promise<Html> {
  const filter = filterOf(key);
  const parts: string[] = [];
  if (filter.regionCode) {
    parts.push(escapeHtml((await ctx.deps.reads.regionName(filter.regionCode)) ?? filter.regionCode));
  }
  if (filter.year) parts.push(ctx.t('awards:year', { year: filter.year }));
  if (filter.category) parts.push(ctx.t(`awards:category.${filter.category}`));
  return trustedHtml(parts.length ? parts.join(' · ') : ctx.t('awards:all'));
}

async function render(ctx: BotContext, key: FilterKey, page: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const subject = await subjectOf(ctx, key);
  const filter = filterOf(key);
  const ceremonies = await ctx.deps.reads.awardHistory(filter);
  if (ceremonies.length) return paged(ctx, key, subject, ceremonies, page);
  // A regency, city or village without a record of its own: its province's records instead of a
  // dead end (Palembang has none, Sumatera Selatan has, and hosted its ceremony there).
  const province = filter.regionCode?.includes('.') ? filter.regionCode.slice(0, 2) : undefined;
  if (province) {
    const provinceKey = key
      .split('~')
      .map((part) => (part.startsWith('r') ? `r${province}` : part))
      .join('~');
    const provinceCeremonies = await ctx.deps.reads.awardHistory(filterOf(provinceKey));
    if (provinceCeremonies.length) {
      const shown = paged(ctx, provinceKey, await subjectOf(ctx, provinceKey), provinceCeremonies, page);
      const provinceName = (await ctx.deps.reads.regionName(province)) ?? province;
      return {
        text: `${ctx.t('awards:noneHereProvince', { subject, province: provinceName })}\n\n${shown.text}`,
        keyboard: shown.keyboard,
      };
    }
  }
  return { text: ctx.t('awards:none', { subject }), keyboard: backKeyboard(ctx, key) };
}

/** Page `page` of a history, with buttons to the pages beside it. */
function paged(ctx: BotContext, key: FilterKey, subject: Html, ceremonies: CeremonyAwards[], page: number) {
  const pages = renderedPages(ctx, subject, ceremonies);
  const index = Math.min(Math.max(page, 0), pages.length - 1);
  const keyboard = new InlineKeyboard();
  if (index > 0) keyboard.text(ctx.t('awards:previous'), BUTTONS.awardsPage.data(ctx, key, index - 1));
  if (index < pages.length - 1) keyboard.text(ctx.t('awards:next'), BUTTONS.awardsPage.data(ctx, key, index + 1));
  keyboard.row();
  return { text: pages[index]!, keyboard: backKeyboard(ctx, key, keyboard) };
}

/** Pages by history (kept until the data changes), language and subject: rendered once. */
const pagesByHistory = new WeakMap<CeremonyAwards[], Map<string, string[]>>();
function renderedPages(ctx: BotContext, subject: Html, ceremonies: CeremonyAwards[]): string[] {
  let byKey = pagesByHistory.get(ceremonies);
  if (!byKey) pagesByHistory.set(ceremonies, (byKey = new Map()));
  const key = `${ctx.locale}|${String(subject)}`;
  let pages = byKey.get(key);
  if (!pages) byKey.set(key, (pages = awardPages(ctx.t, subject, ceremonies)));
  return pages;
}

function backKeyboard(ctx: BotContext, key: FilterKey, keyboard = new InlineKeyboard()): InlineKeyboard {
  const { regionCode } = filterOf(key);
  if (regionCode) keyboard.text(ctx.t('awards:coverageButton'), BUTTONS.coverage.data(ctx, regionCode));
  return keyboard.text(ctx.t('coverage:menuButton'), MENU);
}

/** Whether the history of `key` holds any ceremony. */
export async function hasAwards(ctx: BotContext, key: FilterKey): Promise<boolean> {
  return (await ctx.deps.reads.awardHistory(filterOf(key))).length > 0;
}

export async function replyWithAwards(ctx: BotContext, key: FilterKey): Promise<void> {
  const { text, keyboard } = await render(ctx, key, 0);
  await ctx.reply(text, { reply_markup: keyboard });
}

/** A category named in the user's words, from the keyword lists in locales. */
function categoryIn(ctx: BotContext, text: string): string | undefined {
  const words = ctx.t('awards:categoryWords', { returnObjects: true }) as Record<string, string>;
  const typed = text.trim().toLowerCase();
  return Object.entries(words).find(([, list]) => list.split(',').some((w) => w.trim() === typed))?.[0];
}

/** Answers an award question: a year, a category, or else a region. */
export async function answerAwards(ctx: BotContext, text: string): Promise<void> {
  const trimmed = text.trim();
  if (!trimmed) return replyWithAwards(ctx, 'all');
  if (/^(19|20)\d\d$/.test(trimmed)) return replyWithAwards(ctx, `y${trimmed}`);
  const category = categoryIn(ctx, trimmed);
  if (category) return replyWithAwards(ctx, `c${category}`);
  // "ntb 2025", "2024 jatim": a region and a year.
  const year = /(?:^|\s)((?:19|20)\d\d)(?:\s|$)/.exec(trimmed)?.[1];
  const place = year ? trimmed.replace(year, ' ').replace(/\s+/g, ' ').trim() : trimmed;
  const region = await regionFromText(ctx, place, BUTTONS.awards);
  if (region) await replyWithAwards(ctx, year ? `r${region.code}~y${year}` : `r${region.code}`);
}

awardsFeature.command(commandNames('awards'), (ctx) => answerAwards(ctx, ctx.match));

BUTTONS.menuAwards.on(awardsFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askRegion(ctx, 'awards', (keyboard) => keyboard.text(ctx.t('awards:allButton'), BUTTONS.awardsPage.data(ctx, 'all', 0)).row());
});

BUTTONS.awards.on(awardsFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (code) await replyWithAwards(ctx, `r${code}`);
});

BUTTONS.awardsPage.on(awardsFeature, async (ctx, key, page) => {
  await ctx.answerCallbackQuery();
  if (!key) return;
  const { text, keyboard } = await render(ctx, key, Number(page));
  await ctx.editMessageText(text, { reply_markup: keyboard });
});
