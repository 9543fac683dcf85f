// /langganan [wilayah], /berhenti and t.me/<bot>?start=sub_<code>: which regions' announcements
// a chat receives.
import { saveChatContext } from '../../domain/understanding/chat-context.ts';
import { Composer, InlineKeyboard } from 'grammy';
import {
  listSubscriptions,
  regionCodeFromStartParam,
  subscribe,
  unsubscribe,
  unsubscribeAll,
} from '../../domain/subscriptions/subscriptions.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU, menuKeyboard } from '../menu.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { regionFromText } from '../region-question.ts';
import { regionSummary } from '../../domain/regions/region-lookup.ts';
import { trustedHtml } from '../../i18n/html.ts';
import { commandNames } from '../commands.ts';

export const subscriptionsFeature = new Composer<BotContext>();

/**
 * In a group only its administrators change what the group receives; anyone may see the list.
 * True when the person may; otherwise the bot has said why.
 */
async function mayManage(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === 'private' || ctx.chat?.type === 'channel') return true;
  const member = await ctx.getChatMember(ctx.from!.id);
  if (member.status === 'creator' || member.status === 'administrator') return true;
  await ctx.reply(ctx.t('subscriptions:adminsOnly'));
  return false;
}

const regionOf = (ctx: BotContext, code: string) => regionSummary(ctx.deps.prisma, code);

async function confirm(ctx: BotContext, region: { code: string; name: string; level: string }, includeChildren: boolean) {
  if (!(await mayManage(ctx))) return;
  const outcome = await subscribe(ctx.deps.pool, ctx.chat!.id, region.code, includeChildren);
  const scope = includeChildren ? ctx.t('subscriptions:scopeChildren') : '';
  const keyboard = new InlineKeyboard();
  if (region.level === 'province' && !includeChildren)
    keyboard.text(ctx.t('subscriptions:includeChildrenButton'), BUTTONS.subscribeScope.data(ctx, region.code, true)).row();
  keyboard.text(ctx.t('common:menu.subscriptions'), BUTTONS.menuSubscriptions.data).text(ctx.t('coverage:menuButton'), MENU);
  await ctx.reply(ctx.t(`subscriptions:${outcome}`, { region: region.name, scope }), { reply_markup: keyboard });
}

/** A province asks whether its regencies and cities are included; anything else subscribes at once. */
export async function startSubscription(ctx: BotContext, code: string, oneTap = false): Promise<void> {
  const region = await regionOf(ctx, code);
  if (!region || !(await mayManage(ctx))) return;
  if (region.level === 'province' && !oneTap) {
    await ctx.reply(ctx.t('subscriptions:askChildren', { region: region.name }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('subscriptions:withChildren'), BUTTONS.subscribeScope.data(ctx, code, true))
        .row()
        .text(ctx.t('subscriptions:provinceOnly'), BUTTONS.subscribeScope.data(ctx, code, false)),
    });
    return;
  }
  await confirm(ctx, region, false);
}

export async function listForChat(ctx: BotContext): Promise<void> {
  const subscriptions = await listSubscriptions(ctx.deps.pool, ctx.chat!.id);
  // The answer asks for a region to add: a name typed next subscribes to it, like any follow-up.
  const context = await ctx.chatContext();
  if (ctx.from)
    await saveChatContext(ctx.deps.pool, ctx.chat!.id, ctx.from.id, { ...(context ?? {}), target: 'subscribe', lang: ctx.locale });
  if (!subscriptions.length) {
    // Not a dead end: the region asked about last is one tap away.
    const keyboard = new InlineKeyboard();
    const last = context?.placeCode;
    const name = last ? await regionName(ctx.deps.prisma, last) : undefined;
    if (last && name) keyboard.text(ctx.t('subscriptions:subscribeTo', { region: name }), BUTTONS.subscribe.data(ctx, last)).row();
    await ctx.reply(ctx.t('subscriptions:none'), { reply_markup: keyboard.text(ctx.t('coverage:menuButton'), MENU) });
    return;
  }
  const items = subscriptions
    .map((s) =>
      ctx.t('subscriptions:item', { region: s.regionName, scope: trustedHtml(s.includeChildren ? ctx.t('subscriptions:itemScope') : '') }),
    )
    .join('\n');
  const keyboard = new InlineKeyboard();
  for (const s of subscriptions)
    keyboard.text(ctx.t('subscriptions:drop', { region: s.regionName }), BUTTONS.unsubscribe.data(ctx, s.regionCode)).row();
  await ctx.reply(ctx.t('subscriptions:list', { items: trustedHtml(items) }), {
    reply_markup: keyboard.text(ctx.t('coverage:menuButton'), MENU),
  });
}

subscriptionsFeature.command(commandNames('subscribe'), async (ctx) => {
  const text = ctx.match.trim();
  if (!text) return listForChat(ctx);
  const region = await regionFromText(ctx, text, BUTTONS.subscribe);
  if (region) await startSubscription(ctx, region.code);
});

subscriptionsFeature.command(commandNames('unsubscribe'), async (ctx) => {
  if (!(await mayManage(ctx))) return;
  const count = await unsubscribeAll(ctx.deps.pool, ctx.chat.id);
  await ctx.reply(count ? ctx.t('subscriptions:droppedAll', { count }) : ctx.t('subscriptions:droppedNone'), {
    reply_markup: menuKeyboard(ctx.t),
  });
});

// t.me/<bot>?start=sub_13-74: one tap from a poster or an official's page.
subscriptionsFeature.command(commandNames('start'), async (ctx, next) => {
  const code = regionCodeFromStartParam(ctx.match.trim());
  if (!code || !(await regionOf(ctx, code))) return next();
  await startSubscription(ctx, code, true);
});

BUTTONS.menuSubscriptions.on(subscriptionsFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await listForChat(ctx);
});

BUTTONS.subscribe.on(subscriptionsFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  if (code) await startSubscription(ctx, code);
});

BUTTONS.subscribeScope.on(subscriptionsFeature, async (ctx, code, children) => {
  await ctx.answerCallbackQuery();
  const region = code ? await regionOf(ctx, code) : undefined;
  if (region) await confirm(ctx, region, children === true);
});

BUTTONS.unsubscribe.on(subscriptionsFeature, async (ctx, code) => {
  await ctx.answerCallbackQuery();
  const region = code ? await regionOf(ctx, code) : undefined;
  if (!region || !(await mayManage(ctx))) return;
  await unsubscribe(ctx.deps.pool, ctx.chat!.id, region.code);
  await ctx.reply(ctx.t('subscriptions:dropped', { region: region.name }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('common:menu.subscriptions'), BUTTONS.menuSubscriptions.data)
      .text(ctx.t('coverage:menuButton'), MENU),
  });
});
