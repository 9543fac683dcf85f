// The texts of payment reminders: when one is set ("setiap tanggal 10 pukul 09.00 WITA"), the
// month's message with the amount of the person's last calculation under the rules valid on
// the day it is sent, and the notice before a rule they are under ends. Rendered for the
// sender (no update, no ctx) as for the chat.
import { InlineKeyboard } from 'grammy';
import type { ContributionRuleData } from '../domain/contributions/contribution-calculator.ts';
import {
  END_OF_MONTH,
  parseSendKey,
  type DueSend,
  type PaymentReminderData,
  type ReminderSettings,
} from '../domain/reminders/payment-reminders.ts';
import { changeAfter, monthlyAmount } from '../domain/reminders/rule-changes.ts';
import { nextDay } from '../domain/calendar.ts';
import { fmt } from '../i18n/format.ts';
import type { TFunction } from '../i18n/i18n.ts';
import { BUTTONS } from './buttons.ts';
import type { RenderedReminder } from '../jobs/reminder-sender.ts';

export const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "setiap tanggal 10 pukul 09.00 WITA" / "setiap akhir bulan pukul 19.30 WIB". */
export function reminderWhen(t: TFunction, r: ReminderSettings): string {
  const time = fmt(t).clockTime(hhmm(r.minute), r.timeZone);
  return r.day === END_OF_MONTH ? t('reminder:whenEnd', { time }) : t('reminder:when', { day: r.day, time });
}

/** "Rp16.800 sebulan" from a calculation on `date`, or undefined without one. */
export function amountOf(rules: ContributionRuleData[], r: PaymentReminderData, date: string): number | undefined {
  return r.income === null && r.transport === null && r.withJht === null ? undefined : monthlyAmount(rules, r, date);
}

/** The buttons under a month's reminder: paid (for that month), tomorrow, how to pay, stop. */
export function reminderKeyboard(t: TFunction, month: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('reminder:paidButton'), BUTTONS.reminderPaid.data(month))
    .text(t('reminder:againButton'), BUTTONS.reminderAgain.data)
    .row()
    .text(t('reminder:howToPayButton'), BUTTONS.knowledge.data('where-to-pay'))
    .text(t('reminder:stopButton'), BUTTONS.reminderStop.data);
}

/** The month's message (also the one asked for the next day), for `date` (the person's today). */
export function monthlyReminderText(
  t: TFunction,
  rules: ContributionRuleData[],
  r: PaymentReminderData,
  month: string,
  date: string,
): string {
  const f = fmt(t);
  const amount = amountOf(rules, r, date);
  const lines = [t('reminder:reminderTitle'), '', t('reminder:reminderDue', { month: f.calendarDate(`${month}-01`, 'month') })];
  lines.push(
    amount !== undefined
      ? t('reminder:reminderAmount', {
          amount: f.rupiah(amount),
          income: f.rupiah(Math.max(r.income ?? 0, minimumIncome(rules, date))),
          jht: r.withJht ? t('reminder:withJht') : '',
        })
      : t('reminder:reminderNoAmount'),
  );
  lines.push('', t('reminder:howToPay'), t('reminder:lapse'));
  return lines.join('\n');
}

/** The lowest income contributions are computed from on `date`, per the base rules. */
function minimumIncome(rules: ContributionRuleData[], date: string): number {
  const mins = rules
    .filter((r) => r.discountPercent === null && r.validFrom <= date && (!r.validTo || date <= r.validTo) && r.incomeMin !== null)
    .map((r) => r.incomeMin!);
  return mins.length ? Math.max(...mins) : 0;
}

/** The notice before `lastDay`: the amount until then and from the day after. */
export function ruleNoticeText(t: TFunction, rules: ContributionRuleData[], r: PaymentReminderData, lastDay: string): string | undefined {
  const change = changeAfter(rules, r, lastDay);
  if (!change) return undefined;
  const f = fmt(t);
  const last = f.calendarDate(lastDay);
  return [
    t('reminder:noticeTitle'),
    '',
    t('reminder:noticeBody', { basis: change.legalBasis, lastDay: last }),
    t('reminder:noticeBefore', { lastDay: last, amount: f.rupiah(change.before) }),
    t('reminder:noticeAfter', { firstDay: f.calendarDate(nextDay(lastDay)), amount: f.rupiah(change.after) }),
    t('reminder:noticeBasis', {
      income: f.rupiah(Math.max(r.income ?? 0, minimumIncome(rules, lastDay))),
      jht: r.withJht ? t('reminder:withJht') : '',
      sector: t(r.transport ? 'reminder:sectorTransport' : 'reminder:sectorOther'),
    }),
    '',
    t('reminder:noticeCheck'),
  ].join('\n');
}

/**
 * What the sender sends for a due row: undefined when it is no longer wanted (a month marked
 * paid after its message was queued, a rule that no longer changes the amount).
 */
export function renderDueSend(t: TFunction, rules: ContributionRuleData[], send: DueSend, today: string): RenderedReminder | undefined {
  const parsed = parseSendKey(send.key);
  if (!parsed || !send.active) return undefined;
  const [kind, value] = parsed;
  if (kind === 'rule') {
    const text = ruleNoticeText(t, rules, send, value);
    if (!text) return undefined;
    const reply_markup = new InlineKeyboard()
      .text(t('reminder:calculatorButton'), BUTTONS.menuContribution.data)
      .text(t('reminder:stopButton'), BUTTONS.reminderStop.data);
    return { text, reply_markup };
  }
  const month = kind === 'month' ? value : value.slice(0, 7);
  if (send.paidMonth === month) return undefined;
  return { text: monthlyReminderText(t, rules, send, month, today), reply_markup: reminderKeyboard(t, month) };
}
