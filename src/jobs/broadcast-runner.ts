// Runs queued announcements, one at a time and in one process at a time: a PostgreSQL
// advisory lock, held on a connection of its own while sending, makes the pace global across
// instances, and the sender that takes over after a crash settles what was in flight.
import { Api } from 'grammy';
import pg from 'pg';
import type { Logger } from 'pino';
import { unfinishedAnnouncements } from '../domain/announcements/announcements.ts';
import { sendAnnouncement, type BroadcastOptions } from './broadcast-sender.ts';
import { sleep } from './rate-limiter.ts';
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

  const runOnce = async () => {
    await opts.beforePoll?.();
    const ids = await unfinishedAnnouncements(pool);
    if (!ids.length) return;
    const client = new pg.Client(opts.pgConfig);
    client.on('error', (err) => opts.logger.warn({ err: err.message }, 'broadcast lock connection lost'));
    await client.connect();
    try {
      if (!(await tryAdvisoryLock(client, LOCK_KEY))) return; // another instance is sending
      try {
        for (const id of await unfinishedAnnouncements(pool)) {
          if (stopping.signal.aborted) break;
          const end = await sendAnnouncement(pool, api, id, { ...opts, signal: stopping.signal });
          opts.logger.info({ announcementId: id, end }, 'broadcast ended');
        }
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
