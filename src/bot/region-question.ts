// Finding the region a question is about: one match is used at once; several are offered as
// buttons ("Kota Padang (Sumatera Barat)") whose signed data completes the question.
import { InlineKeyboard } from 'grammy';
import { resolveRegion, type RegionCandidate, type RegionResolution } from '../domain/regions/region-resolver.ts';
import type { BotContext } from './context.ts';
import { menuKeyboard } from './menu.ts';
import type { Button } from './buttons.ts';

const CHOICES = 6;

/** "Desa Santur (Kecamatan Barangin, Kota Sawahlunto)": a name with its two nearest parents. */
export function regionLabel(candidate: Pick<RegionCandidate, 'name' | 'parents'>): string {
  const parents = candidate.parents.slice(0, 2).map((p) => p.name);
  return parents.length ? `${candidate.name} (${parents.join(', ')})` : candidate.name;
}

/**
 * The region `text` names, or undefined once the user has been answered: with choices, each
 * a button of `action` with the region's code, or with "not found".
 */
export async function regionFromText(ctx: BotContext, text: string, action: Button<[string]>): Promise<RegionCandidate | undefined> {
  return regionFromResolution(ctx, await resolveRegion(ctx.deps.pool, text, { limit: CHOICES }), text, action);
}

/** As regionFromText, for a resolution already made (a region found inside a sentence). */
export async function regionFromResolution(
  ctx: BotContext,
  result: RegionResolution,
  text: string,
  action: Button<[string]>,
): Promise<RegionCandidate | undefined> {
  const [first] = result.candidates;
  if (!first) {
    await ctx.reply(ctx.t('regions:notFound', { text }), { reply_markup: menuKeyboard(ctx.t) });
    return undefined;
  }
  if (!result.ambiguous) return first;
  const keyboard = new InlineKeyboard();
  for (const candidate of result.candidates.slice(0, CHOICES))
    keyboard.text(regionLabel(candidate), action.data(ctx, candidate.code)).row();
  await ctx.reply(ctx.t('regions:choose', { text }), { reply_markup: keyboard });
  return undefined;
}
