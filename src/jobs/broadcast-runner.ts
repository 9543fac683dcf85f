// Runs queued announcements, one at a time, and due payment reminders beside them, in one
// process at a time: a PostgreSQL advisory lock, held on a connection of its own while
// sending, makes the pace global across instances, and the sender that takes over after a
// crash settles what was in flight. Reminders and unpaid announcements share one limiter.
import { Api } from 'grammy';
import pg from 'pg';
import type { Logger } from 'pino';
import { unfinishedAnnouncements } from '../domain/announcements/announcements.ts';
import { sendAnnouncement, type BroadcastOptions } from './broadcast-sender.ts';
import { RateLimiter, sleep } from './rate-limiter.ts';
import { advisoryUnlock, tryAdvisoryLock } from '../db/sql.ts';

/** Any constant: the key of the one lock every instance's runner competes for. */
const LOCK_KEY = 7_201_700;
const POLL_MS = 2_000;

export interface BroadcastRunnerOptions extends Omit<BroadcastOptions, 'signal'> {
  token: string;
  apiRoot?: string;
  pgConfig: pg.PoolConfig;
  pollMs?: number;
  logger: Logger;
  /** Run at every poll before looking for work: queues what is due (the day-before reminders). */
  beforePoll?: () => Promise<unknown>;
  /** Payment reminders: whether any is due, and sending them at the shared pace. */
  reminders?: {
    due(): Promise<boolean>;
    send(api: Api, limiter: RateLimiter, signal: AbortSignal): Promise<unknown>;
  };
}

export interface BroadcastRunner {
  /** Looks for queued work now rather than at the next poll. */
  kick(): void;
  /** Finishes the sends in flight, puts the rest back in the queue, and releases the lock. */
  stop(): Promise<void>;
}

export function startBroadcastRunner(pool: pg.Pool, opts: BroadcastRunnerOptions): BroadcastRunner {
  const api = new Api(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
  const stopping = new AbortController();
  let wake: AbortController = new AbortController();

  // One pace for everything the bot sends in bulk, kept across polls.
  const limiter = new RateLimiter(opts.rate);

  const announcements = async () => {
    for (let ids = await unfinishedAnnouncements(pool); ids.length && !stopping.signal.aborted; ids = await unfinishedAnnouncements(pool)) {
      for (const id of ids) {
        if (stopping.signal.aborted) break;
        const end = await sendAnnouncement(pool, api, id, { ...opts, sharedLimiter: limiter, signal: stopping.signal });
        opts.logger.info({ announcementId: id, end }, 'broadcast ended');
        if (end === 'stopped') return;
      }
    }
  };

  const runOnce = async () => {
    await opts.beforePoll?.();
    const [ids, remindersDue] = await Promise.all([unfinishedAnnouncements(pool), opts.reminders?.due() ?? false]);
    if (!ids.length && !remindersDue) return;
    const client = new pg.Client(opts.pgConfig);
    client.on('error', (err) => opts.logger.warn({ err: err.message }, 'broadcast lock connection lost'));
    await client.connect();
    try {
      if (!(await tryAdvisoryLock(client, LOCK_KEY))) return; // another instance is sending
      try {
        // Reminders fall due while a long announcement goes out: keep queuing and sending them.
        let announcing = true;
        const sendingAnnouncements = announcements().finally(() => (announcing = false));
        const sendingReminders = (async () => {
          for (let first = true; first || (announcing && !stopping.signal.aborted); first = false) {
            if (!first) {
              await sleep(opts.pollMs ?? POLL_MS, stopping.signal);
              await opts.beforePoll?.();
            }
            await opts.reminders?.send(api, limiter, stopping.signal);
          }
        })();
        await Promise.all([sendingAnnouncements, sendingReminders]);
      } finally {
        await advisoryUnlock(client, LOCK_KEY).catch(() => undefined);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await runOnce();
      } catch (err) {
        opts.logger.error({ err }, 'broadcast runner failed; trying again');
      }
      wake = new AbortController();
      await sleep(opts.pollMs ?? POLL_MS, AbortSignal.any([stopping.signal, wake.signal]));
    }
  })();

  return {
    kick: () => wake.abort(),
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
