// Sends an announcement to its audience as fast as Telegram allows and no faster: a global
// pace (25 messages/s by default, up to 1000/s for paid broadcasts), a 429 pausing every
// send for its retry_after, a 403 ending the chat's subscriptions, 5xx and network errors
// retried with backoff and then recorded as failed. Recipients are claimed in small batches,
// so memory does not grow with the audience.
import type { Api } from 'grammy';
import type pg from 'pg';
import type { Logger } from 'pino';
import { announcementToSend, deliveryCounts, englishReaders, type DeliveryCounts } from '../domain/announcements/announcements.ts';
import {
  claimDeliveries,
  finishAnnouncement,
  markBlocked,
  markFailed,
  markSending,
  markSendingMany,
  markSent,
  nextRetryAt,
  retryLater,
  settleAbandoned,
} from '../domain/announcements/deliveries.ts';
import { RateLimiter, sleep } from './rate-limiter.ts';
import { backoffMs, classifySendError, MAX_ATTEMPTS } from './send-outcome.ts';

const BATCH = 200;
/** Telegram allows about one message a second to the same chat. */
const PER_CHAT_MS = 1_000;
const PROGRESS_EVERY_MS = 2_000;

export interface BroadcastOptions {
  /** Messages per second for ordinary announcements. */
  rate: number;
  /** Messages per second with allow_paid_broadcast. */
  paidRate: number;
  /**
   * The pace shared with everything else the bot sends in bulk (reminders), for announcements
   * that are not paid broadcasts; without it, the announcement keeps a pace of its own.
   */
  sharedLimiter?: RateLimiter;
  signal?: AbortSignal;
  logger?: Logger;
  onProgress?: (announcementId: number, counts: DeliveryCounts) => void | Promise<void>;
}

export type BroadcastEnd = 'done' | 'cancelled' | 'stopped' | 'missing';

/**
 * Sends one announcement until every delivery is settled, it is cancelled, or `signal`
 * aborts. The caller must hold the broadcast lock: one sender at a time keeps the pace global.
 */
export async function sendAnnouncement(pool: pg.Pool, api: Api, announcementId: number, opts: BroadcastOptions): Promise<BroadcastEnd> {
  const announcement = await announcementToSend(pool, announcementId);
  if (!announcement) return 'missing';
  await settleAbandoned(pool, announcementId);
  await markSending(pool, announcementId);
  const rate = announcement.paidBroadcast ? opts.paidRate : opts.rate;
  // Paced a little under the limit, with room for arrivals bunched by a busy machine (rate-limiter.ts).
  const limiter = (!announcement.paidBroadcast && opts.sharedLimiter) || new RateLimiter(rate);
  // Enough sends in flight to keep the pace whatever Telegram's latency.
  const concurrency = Math.min(100, Math.max(4, Math.ceil(rate / 10)));
  const lastSentToChat = new Map<number, number>();
  const attempts = new Map<number, number>();
  let lastProgress = 0;

  const report = async (force = false) => {
    if (!opts.onProgress || (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS)) return;
    lastProgress = Date.now();
    await opts.onProgress(announcementId, await deliveryCounts(pool, announcementId));
  };

  const sendOne = async (chatId: number, inEnglish: boolean) => {
    const last = lastSentToChat.get(chatId);
    if (last !== undefined && Date.now() - last < PER_CHAT_MS) await sleep(PER_CHAT_MS - (Date.now() - last), opts.signal);
    const answered = await limiter.take(opts.signal);
    try {
      const text = inEnglish && announcement.textEn ? announcement.textEn : announcement.text;
      await api
        .sendMessage(chatId, text, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(announcement.paidBroadcast ? { allow_paid_broadcast: true } : {}),
        })
        .finally(answered);
      lastSentToChat.set(chatId, Date.now());
      await markSent(pool, announcementId, chatId);
    } catch (err) {
      await settleFailure(chatId, err);
    }
  };

  const settleFailure = async (chatId: number, err: unknown) => {
    const failure = classifySendError(err);
    switch (failure.kind) {
      case 'rateLimited':
        // Everyone waits, not only this send: Telegram's limit is per bot.
        limiter.pause(failure.seconds * 1000);
        opts.logger?.warn({ announcementId, retryAfter: failure.seconds }, 'broadcast paused by Telegram (429)');
        return retryLater(pool, announcementId, chatId, 0, `429 retry_after ${failure.seconds}`);
      case 'blocked':
        return markBlocked(pool, announcementId, chatId, failure.reason);
      case 'failed':
        return markFailed(pool, announcementId, chatId, failure.reason);
      case 'transient': {
        const attempt = (attempts.get(chatId) ?? 0) + 1;
        attempts.set(chatId, attempt);
        if (attempt >= MAX_ATTEMPTS) return markFailed(pool, announcementId, chatId, failure.reason);
        return retryLater(pool, announcementId, chatId, backoffMs(attempt), failure.reason);
      }
    }
  };

  const inFlight = new Set<Promise<void>>();
  while (!opts.signal?.aborted) {
    const current = await announcementToSend(pool, announcementId);
    if (current?.status === 'cancelled') {
      await report(true);
      return 'cancelled';
    }
    const chats = await claimDeliveries(pool, announcementId, BATCH);
    // Who of this batch reads English: asked only when there is an English text.
    const english = announcement.textEn && chats.length ? await englishReaders(pool, chats) : new Set<number>();
    if (!chats.length) {
      // What is still in flight may yet be retried: settle it before deciding we are done.
      await Promise.all(inFlight);
      const retryAt = await nextRetryAt(pool, announcementId);
      if (!retryAt) break;
      await sleep(Math.max(50, retryAt.getTime() - Date.now()), opts.signal);
      continue;
    }
    // Marked as handed over a group at a time, just before dispatch, and sent with at most
    // `concurrency` in flight: a crash leaves at most two groups' outcomes unknown, and the
    // pace never waits for the slowest send of a group.
    for (let start = 0; start < chats.length; start += concurrency) {
      const group = chats.slice(start, start + concurrency);
      if (opts.signal?.aborted) {
        // Not handed to Telegram: back to the queue for whoever sends next.
        for (const chatId of chats.slice(start)) await retryLater(pool, announcementId, chatId, 0, 'sender stopped');
        break;
      }
      await markSendingMany(pool, announcementId, group);
      for (const chatId of group) {
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        const send: Promise<void> = sendOne(chatId, english.has(chatId)).finally(() => inFlight.delete(send));
        inFlight.add(send);
      }
    }
    await report();
  }
  await Promise.all(inFlight);
  if (opts.signal?.aborted) return 'stopped';
  await finishAnnouncement(pool, announcementId, 'done');
  await report(true);
  return 'done';
}
