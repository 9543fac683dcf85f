// Menu entries that need a region ask for it in one message and offer the regions the person
// likely means as buttons: the one asked about last and the ones they subscribe to. The chat's
// context then says what the question is about, so that a region typed next ("sumsel") is
// answered as that question, like any follow-up.
import { InlineKeyboard } from 'grammy';
import { regionNames } from '../domain/regions/region-lookup.ts';
import { listSubscriptions } from '../domain/subscriptions/subscriptions.ts';
import { saveChatContext } from '../domain/understanding/chat-context.ts';
import { BUTTONS, type Button } from './buttons.ts';
import type { BotContext } from './context.ts';
import { MENU } from './menu.ts';

export type RegionPurpose = 'coverage' | 'awards' | 'chart';
const ACTIONS: Record<RegionPurpose, Button<[string]>> = { coverage: BUTTONS.coverage, awards: BUTTONS.awards, chart: BUTTONS.chart };
const MAX_SUGGESTIONS = 4;

/** Asks which region, with the likely regions as buttons and `extra` ones (e.g. "all") after them. */
export async function askRegion(ctx: BotContext, purpose: RegionPurpose, extra?: (keyboard: InlineKeyboard) => void): Promise<void> {
  const keyboard = new InlineKeyboard();
  const context = await ctx.chatContext();
  const codes: string[] = context?.placeCode ? [context.placeCode] : [];
  if (ctx.chat)
    for (const s of await listSubscriptions(ctx.deps.pool, ctx.chat.id)) if (!codes.includes(s.regionCode)) codes.push(s.regionCode);
  const suggested = codes.slice(0, MAX_SUGGESTIONS);
  const names = await regionNames(ctx.deps.prisma, suggested);
  for (const code of suggested) {
    const name = names.get(code);
    if (name) keyboard.text(name, ACTIONS[purpose].data(ctx, code)).row();
  }
  extra?.(keyboard);
  keyboard.text(ctx.t('coverage:menuButton'), MENU);
  if (ctx.chat && ctx.from) {
    await saveChatContext(ctx.deps.pool, ctx.chat.id, ctx.from.id, { ...(context ?? {}), target: purpose, lang: ctx.locale });
  }
  await ctx.reply(ctx.t(`regions:prompt.${purpose}`), { reply_markup: keyboard });
}
