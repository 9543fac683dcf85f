// A steady pace of sends: one slot every 1/rate seconds, shared by all concurrent senders of
// the process; never more than `rate` sends in any rolling second, even when the event loop
// stalls and several waiting sends wake at once (Telegram counts over a rolling second); and
// a pause that holds every slot back (a 429's retry_after).

export class RateLimiter {
  private nextSlot = 0;
  /** The last `perSecond` dispatch times, oldest at `head`. */
  private readonly recent: number[];
  private head = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.recent = new Array<number>(Math.max(1, Math.floor(perSecond))).fill(-Infinity);
  }

  /** Resolves when the caller may send. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    if (slot > now) await sleep(slot - now, signal);
    // The rolling second: the send `perSecond` places back must be a second old.
    for (;;) {
      if (signal?.aborted) return;
      const wait = this.recent[this.head]! + 1000 - this.now();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    this.recent[this.head] = this.now();
    this.head = (this.head + 1) % this.recent.length;
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
