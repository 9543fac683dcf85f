// /pengingat_iuran: a worker's monthly reminder to pay, set up in the chat ("ingatkan saya
// bayar iuran tiap tanggal 10", or a button under every contribution answer). The bot confirms
// the day, the time (09.00 by default, in the zone of the person's region, else WIB) and what
// the message will say; the same command shows, changes or stops it.
import { Composer, InlineKeyboard } from 'grammy';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { JAKARTA, timeZoneOfRegion } from '../../domain/regions/time-zones.ts';
import { todayInJakarta } from '../../domain/calendar.ts';
import {
  DEFAULT_MINUTE,
  END_OF_MONTH,
  localMonth,
  markPaid,
  reminderOf,
  remindTomorrow,
  saveReminder,
  stopReminder,
  type Calculation,
  type PaymentReminderData,
} from '../../domain/reminders/payment-reminders.ts';
import { readReminderRequest } from '../../domain/reminders/reminder-text.ts';
import { homeRegionOf } from '../../domain/subscriptions/subscriptions.ts';
import { fmt, zoneName, zoneOfName } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { amountOf, hhmm, reminderWhen } from '../payment-reminder-message.ts';
import { inPrivateChat } from '../private-chat.ts';

export const paymentReminderFeature = new Composer<BotContext>();

const DAY_CHOICES = [1, 5, 10, 15, 20, 25];
const TIME_CHOICES = ['420', '540', '720', '1140'] as const;
const now = (ctx: BotContext) => ctx.deps.clock?.() ?? new Date();
const NO_CALCULATION: Calculation = { income: null, transport: null, withJht: null };

/** The day buttons, each carrying the calculation the reminder is for. */
function dayKeyboard(ctx: BotContext, calculation: Partial<Calculation>): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const data = (day: number) =>
    BUTTONS.reminderDay.data(
      ctx,
      day,
      calculation.income ?? undefined,
      calculation.transport ?? undefined,
      calculation.withJht ?? undefined,
    );
  DAY_CHOICES.forEach((day, i) => {
    keyboard.text(ctx.t('reminder:dayButton', { day }), data(day));
    if (i === 2) keyboard.row();
  });
  return keyboard.row().text(ctx.t('reminder:endButton'), data(END_OF_MONTH)).row().text(ctx.t('coverage:menuButton'), MENU);
}

/** The buttons under a reminder shown or confirmed: paid this month, other times, another day, stop. */
function settingsKeyboard(ctx: BotContext, r: PaymentReminderData, month: string | undefined): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (month && r.paidMonth !== month) keyboard.text(ctx.t('reminder:paidMonthButton'), BUTTONS.reminderPaid.data(month)).row();
  for (const minute of TIME_CHOICES)
    if (Number(minute) !== r.minute)
      keyboard.text(
        ctx.t('reminder:timeButton', { time: fmt(ctx.t).clockTime(hhmm(Number(minute)), r.timeZone) }),
        BUTTONS.reminderTime.data(minute),
      );
  return keyboard
    .row()
    .text(ctx.t('reminder:changeDayButton'), BUTTONS.reminderChangeDay.data)
    .text(ctx.t('reminder:stopButton'), BUTTONS.reminderStop.data)
    .row()
    .text(ctx.t('coverage:menuButton'), MENU);
}

/** The zone of the person's region (a subscription, else the place they last asked about), with its name. */
async function zoneOfPerson(ctx: BotContext): Promise<{ timeZone: string; region?: string }> {
  const code = (await homeRegionOf(ctx.deps.prisma, ctx.chat!.id)) ?? (await ctx.chatContext())?.placeCode;
  if (!code || code === '00') return { timeZone: JAKARTA };
  return { timeZone: timeZoneOfRegion(code), region: (await regionName(ctx.deps.prisma, code)) ?? code };
}

async function confirm(ctx: BotContext, r: PaymentReminderData, extra: { region?: string; dayTooLate?: number; zoneAsked?: boolean }) {
  const f = fmt(ctx.t);
  const lines = [ctx.t('reminder:saved', { when: reminderWhen(ctx.t, r) })];
  if (extra.dayTooLate) lines.push(ctx.t('reminder:dayTooLate', { day: extra.dayTooLate }));
  if (extra.region) lines.push(ctx.t('reminder:zoneFromRegion', { region: extra.region, zone: zoneName(r.timeZone) }));
  else if (!extra.zoneAsked) lines.push(ctx.t('reminder:zoneDefault'));
  lines.push('', ctx.t('reminder:willSay'));
  const amount = amountOf(await ctx.deps.reads.contributionRules(), r, todayInJakarta(now(ctx)));
  lines.push(amount !== undefined ? ctx.t('reminder:lastAmount', { amount: f.rupiah(amount) }) : ctx.t('reminder:noAmountHint'));
  lines.push(ctx.t('reminder:noticeToo'));
  await ctx.reply(lines.join('\n'), { reply_markup: settingsKeyboard(ctx, r, await localMonth(ctx.deps.pool, r.telegramId, now(ctx))) });
}

/** Sets the reminder to what was asked, keeping what was not (time, zone, calculation). */
async function setReminder(
  ctx: BotContext,
  asked: { day?: number; minute?: number; zone?: string; dayTooLate?: number },
  calculation?: Partial<Calculation>,
): Promise<void> {
  const existing = await reminderOf(ctx.deps.prisma, ctx.from!.id);
  const zone = asked.zone
    ? { timeZone: zoneOfName(asked.zone) ?? JAKARTA }
    : existing
      ? { timeZone: existing.timeZone }
      : await zoneOfPerson(ctx);
  const day = asked.day ?? existing?.day;
  if (day === undefined) {
    await ctx.reply(ctx.t('reminder:askDay'), { reply_markup: dayKeyboard(ctx, calculation ?? {}) });
    return;
  }
  const saved = await saveReminder(ctx.deps.prisma, {
    telegramId: ctx.from!.id,
    chatId: ctx.chat!.id,
    now: now(ctx),
    day,
    minute: asked.minute ?? existing?.minute ?? DEFAULT_MINUTE,
    timeZone: zone.timeZone,
    ...(calculation ?? {}),
  });
  await confirm(ctx, saved, {
    ...('region' in zone && zone.region && !existing ? { region: zone.region } : {}),
    ...(asked.dayTooLate ? { dayTooLate: asked.dayTooLate } : {}),
    zoneAsked: !!asked.zone || !!existing,
  });
}

async function showReminder(ctx: BotContext): Promise<void> {
  const r = await reminderOf(ctx.deps.prisma, ctx.from!.id);
  if (!r?.active) {
    await ctx.reply(ctx.t('reminder:askDay'), { reply_markup: dayKeyboard(ctx, NO_CALCULATION) });
    return;
  }
  const month = await localMonth(ctx.deps.pool, r.telegramId, now(ctx));
  const lines = [ctx.t('reminder:current', { when: reminderWhen(ctx.t, r) })];
  if (month && r.paidMonth === month) lines.push(ctx.t('reminder:paidThisMonth'));
  await ctx.reply(lines.join('\n'), { reply_markup: settingsKeyboard(ctx, r, month) });
}

/** What a message about the reminder asks, in words: a day, a time, a zone, or to stop. */
export async function answerReminderText(ctx: BotContext, text: string): Promise<void> {
  if (!(await inPrivateChat(ctx, 'reminder:privateOnly'))) return;
  const asked = readReminderRequest(text);
  if (asked.stop && asked.day === undefined) {
    const stopped = await stopReminder(ctx.deps.prisma, ctx.from!.id);
    await ctx.reply(ctx.t(stopped ? 'reminder:stopped' : 'reminder:none'), {
      reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU),
    });
    return;
  }
  if (asked.day === undefined && asked.minute === undefined && !asked.zone) return showReminder(ctx);
  await setReminder(ctx, asked);
}

paymentReminderFeature.command(commandNames('paymentReminder'), (ctx) => answerReminderText(ctx, ctx.match));

BUTTONS.reminderAsk.on(paymentReminderFeature, async (ctx, income, transport, withJht) => {
  await ctx.answerCallbackQuery();
  if (!(await inPrivateChat(ctx, 'reminder:privateOnly'))) return;
  const existing = await reminderOf(ctx.deps.prisma, ctx.from.id);
  const calculation = { income: income ?? null, transport: transport ?? null, withJht: withJht ?? null };
  if (existing?.active) return setReminder(ctx, {}, calculation);
  await ctx.reply(ctx.t('reminder:askDay'), { reply_markup: dayKeyboard(ctx, calculation) });
});

BUTTONS.reminderDay.on(paymentReminderFeature, async (ctx, day, income, transport, withJht) => {
  await ctx.answerCallbackQuery();
  if (!(await inPrivateChat(ctx, 'reminder:privateOnly')) || (day > 28 && day !== END_OF_MONTH)) return;
  const calculation =
    income === undefined && transport === undefined && withJht === undefined
      ? undefined
      : { income: income ?? null, transport: transport ?? null, withJht: withJht ?? null };
  await setReminder(ctx, { day }, calculation);
});

BUTTONS.reminderTime.on(paymentReminderFeature, async (ctx, minute) => {
  await ctx.answerCallbackQuery();
  if (!(await inPrivateChat(ctx, 'reminder:privateOnly'))) return;
  await setReminder(ctx, { minute: Number(minute) });
});

BUTTONS.reminderChangeDay.on(paymentReminderFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!(await inPrivateChat(ctx, 'reminder:privateOnly'))) return;
  await ctx.reply(ctx.t('reminder:askDay'), { reply_markup: dayKeyboard(ctx, {}) });
});

BUTTONS.reminderPaid.on(paymentReminderFeature, async (ctx, month) => {
  await ctx.answerCallbackQuery();
  if (!ctx.from) return;
  await markPaid(ctx.deps.pool, ctx.from.id, month);
  await ctx.reply(ctx.t('reminder:paidThanks', { month: fmt(ctx.t).calendarDate(`${month}-01`, 'month') }), {
    reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU),
  });
});

BUTTONS.reminderAgain.on(paymentReminderFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.from) return;
  const r = await reminderOf(ctx.deps.prisma, ctx.from.id);
  const day = r?.active ? await remindTomorrow(ctx.deps.pool, ctx.from.id, now(ctx)) : undefined;
  if (!r || !day) return showReminder(ctx);
  const f = fmt(ctx.t);
  const time = f.clockTime(hhmm(r.minute), r.timeZone);
  await ctx.reply(ctx.t('reminder:againOk', { date: f.calendarDate(day), time }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('reminder:paidButton'), BUTTONS.reminderPaid.data(day.slice(0, 7)))
      .text(ctx.t('reminder:stopButton'), BUTTONS.reminderStop.data),
  });
});

BUTTONS.reminderStop.on(paymentReminderFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.from) return;
  const stopped = await stopReminder(ctx.deps.prisma, ctx.from.id);
  await ctx.reply(ctx.t(stopped ? 'reminder:stopped' : 'reminder:none'), {
    reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU),
  });
});
