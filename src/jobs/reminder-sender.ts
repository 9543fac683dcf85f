// Sends the payment reminders that are due, through the pace announcements use (one limiter
// for both), as the broadcast sender sends deliveries: claimed in batches, marked as handed
// over just before dispatch, each failure settled by what Telegram answered. The caller holds
// the broadcast lock, so one process sends at a time and the pace is global.
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  claimDueSends,
  dropSend,
  markSendBlocked,
  markSendFailed,
  markSendSent,
  markSendsSending,
  retrySendLater,
  settleAbandonedSends,
  type DueSend,
} from '../domain/reminders/payment-reminders.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { backoffMs, classifySendError, MAX_ATTEMPTS } from './send-outcome.ts';

const BATCH = 200;

export interface RenderedReminder {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

export interface ReminderSendOptions {
  limiter: RateLimiter;
  /** In flight at once: enough to keep the pace whatever Telegram's latency. */
  concurrency: number;
  now: () => Date;
  /** The message, or undefined when it is no longer wanted (the month was marked paid). */
  render: (send: DueSend) => Promise<RenderedReminder | undefined>;
  signal?: AbortSignal;
  logger?: Logger;
}

/** Sends everything due now; returns how many were sent. */
export async function sendDueReminders(pool: pg.Pool, api: Api, opts: ReminderSendOptions): Promise<number> {
  const abandoned = await settleAbandonedSends(pool);
  if (abandoned) opts.logger?.warn({ abandoned }, 'reminders that were being sent when a sender stopped are not sent again');
  let sent = 0;
  const inFlight = new Set<Promise<void>>();

  const sendOne = async (send: DueSend) => {
    try {
      const message = await opts.render(send);
      if (!message) return dropSend(pool, send);
      const answered = await opts.limiter.take(opts.signal);
      await api
        .sendMessage(send.chatId, message.text, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
        })
        .finally(answered);
      sent++;
      await markSendSent(pool, send);
    } catch (err) {
      const failure = classifySendError(err);
      switch (failure.kind) {
        case 'rateLimited':
          opts.limiter.pause(failure.seconds * 1000);
          opts.logger?.warn({ retryAfter: failure.seconds }, 'reminders paused by Telegram (429)');
          return retrySendLater(pool, send, 0, `429 retry_after ${failure.seconds}`);
        case 'blocked':
          return markSendBlocked(pool, send, failure.reason);
        case 'failed':
          return markSendFailed(pool, send, failure.reason);
        case 'transient':
          if (send.attempts >= MAX_ATTEMPTS) return markSendFailed(pool, send, failure.reason);
          return retrySendLater(pool, send, backoffMs(send.attempts), failure.reason);
      }
    }
  };

  while (!opts.signal?.aborted) {
    const batch = await claimDueSends(pool, opts.now(), BATCH);
    if (!batch.length) break;
    for (let start = 0; start < batch.length; start += opts.concurrency) {
      const group = batch.slice(start, start + opts.concurrency);
      if (opts.signal?.aborted) {
        // Not handed to Telegram: back to the queue for whoever sends next.
        for (const send of batch.slice(start)) await retrySendLater(pool, send, 0, 'sender stopped');
        break;
      }
      await markSendsSending(pool, group);
      for (const send of group) {
        while (inFlight.size >= opts.concurrency) await Promise.race(inFlight);
        const one: Promise<void> = sendOne(send).finally(() => inFlight.delete(one));
        inFlight.add(one);
      }
    }
  }
  await Promise.all(inFlight);
  return sent;
}
