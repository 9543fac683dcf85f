// What the runner queues at each poll for payment reminders: every month's message whose
// moment has come, and the notice NOTICE_DAYS before a contribution rule a person is under
// ends or a new one begins, found from the ContributionRule rows. Each instance may queue;
// the keys make every message once.
import type { Api } from 'grammy';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { addDays, todayIn, todayInJakarta } from '../domain/calendar.ts';
import { loadContributionRules } from '../domain/contributions/contribution-rules.ts';
import {
  hasDueSends,
  NOTICE_DAYS,
  noticeCandidates,
  queueMonthlyReminders,
  queueNotices,
  type DueSend,
} from '../domain/reminders/payment-reminders.ts';
import { changeAfter, lastDaysBetween } from '../domain/reminders/rule-changes.ts';
import { localeOfTelegram } from '../domain/users.ts';
import { renderDueSend } from '../bot/payment-reminder-message.ts';
import { translator, type I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { sendDueReminders } from './reminder-sender.ts';

/** Queuing scans every reminder: at most this often. */
const QUEUE_EVERY_MS = 20_000;

/** Queues what is due at `now`: how many monthly messages and notices. */
export async function queuePaymentReminders(
  db: { prisma: PrismaClient; pool: pg.Pool },
  now: Date,
): Promise<{ monthly: number; notices: number }> {
  const monthly = await queueMonthlyReminders(db.pool, now);
  let notices = 0;
  const today = todayInJakarta(now);
  const rules = await loadContributionRules(db.prisma);
  // A day either side: the zones of Indonesia are a day apart from Jakarta at most at midnight.
  for (const lastDay of lastDaysBetween(rules, addDays(today, -1), addDays(today, NOTICE_DAYS + 1))) {
    const affected = (await noticeCandidates(db.pool, lastDay, now)).filter((c) => changeAfter(rules, c, lastDay));
    notices += await queueNotices(
      db.pool,
      lastDay,
      affected.map((c) => c.telegramId),
      now,
    );
  }
  return { monthly, notices };
}

/**
 * The runner's part for payment reminders: queuing at most every QUEUE_EVERY_MS (real time),
 * and sending what is due at the shared pace, each in the person's language and with the
 * rules valid on their own today.
 */
export function paymentReminderJobs(opts: {
  db: { prisma: PrismaClient; pool: pg.Pool };
  i18n: I18n;
  defaultLocale: Locale;
  /** The messages per second of the shared pace: how many may be in flight. */
  rate: number;
  clock: () => Date;
  logger: Logger;
}) {
  const { db, clock } = opts;
  let lastQueued = -Infinity;
  return {
    async queue(): Promise<void> {
      if (performance.now() - lastQueued < QUEUE_EVERY_MS) return;
      lastQueued = performance.now();
      await queuePaymentReminders(db, clock());
    },
    reminders: {
      due: () => hasDueSends(db.pool, clock()),
      async send(api: Api, limiter: RateLimiter, signal: AbortSignal): Promise<number> {
        const rules = await loadContributionRules(db.prisma);
        const t = (send: DueSend) =>
          translator(opts.i18n, send.locale ?? localeOfTelegram(send.languageCode ?? undefined, opts.defaultLocale));
        return sendDueReminders(db.pool, api, {
          limiter,
          concurrency: Math.min(100, Math.max(4, Math.ceil(opts.rate / 10))),
          now: clock,
          render: (send) => Promise.resolve(renderDueSend(t(send), rules, send, todayIn(send.timeZone, clock()))),
          signal,
          logger: opts.logger,
        });
      },
    },
  };
}
