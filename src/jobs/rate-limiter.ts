// A steady pace of sends under a limit, shared by all concurrent senders of the process.
// Telegram counts the messages that arrive in any rolling second, and a busy machine delays
// some sends and bunches others: pacing by when requests leave cannot promise what arrives.
// What can: a send waits until the send `limit` places before it was answered a second ago.
// That one arrived before it was answered, and this one arrives after it leaves, so no second
// ever holds more than `limit` arrivals, whatever the jitter. Slots come at a pace a little
// under the limit, time lost to a stall is caught up (up to `catchUpMs`), and a pause holds
// every slot back (a 429's retry_after).

export interface RateLimiterOptions {
  /** The share of the limit to pace at. */
  pace?: number;
  /** How long after the answer to the send `limit` places back the next may leave (1 s and a margin for clocks). */
  windowMs?: number;
  /** How much time lost to a stall is made up afterwards. */
  catchUpMs?: number;
  now?: () => number;
}

export const PACE = 0.975;
export const WINDOW_MS = 1_005;
export const CATCH_UP_MS = 250;
const PENDING = Infinity;
const PENDING_POLL_MS = 5;

export class RateLimiter {
  private nextSlot = 0;
  /** When each of the last `limit` sends was answered (PENDING until then), oldest at `head`. */
  private readonly recent: number[];
  private head = 0;
  private readonly interval: number;
  private readonly windowMs: number;
  private readonly catchUpMs: number;
  private readonly now: () => number;

  constructor(limit: number, opts: RateLimiterOptions = {}) {
    this.interval = 1000 / (limit * (opts.pace ?? PACE));
    this.windowMs = opts.windowMs ?? WINDOW_MS;
    this.catchUpMs = opts.catchUpMs ?? CATCH_UP_MS;
    this.now = opts.now ?? (() => performance.now());
    this.recent = new Array<number>(Math.max(1, Math.floor(limit))).fill(-Infinity);
  }

  /** Resolves when the caller may send, with what to call when Telegram has answered (or failed). */
  async take(signal?: AbortSignal): Promise<() => void> {
    const now = this.now();
    const slot = Math.max(now - this.catchUpMs, this.nextSlot);
    this.nextSlot = slot + this.interval;
    if (slot > now) await sleep(slot - now, signal);
    for (;;) {
      if (signal?.aborted) break;
      const answered = this.recent[this.head]!;
      const wait = answered === PENDING ? PENDING_POLL_MS : answered + this.windowMs - this.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    const index = this.head;
    this.recent[index] = PENDING;
    this.head = (this.head + 1) % this.recent.length;
    return () => {
      this.recent[index] = this.now();
    };
  }

  /** No slot before `ms` from now. */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
