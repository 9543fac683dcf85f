// A steady pace of sends: one slot every 1/rate seconds, shared by all concurrent senders of
// the process, and a pause that holds every slot back (Telegram's 429 retry_after).

export class RateLimiter {
  private nextSlot = 0;

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves at the caller's slot; slots are handed out in order of asking. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    const wait = slot - now;
    if (wait > 0) await sleep(wait, signal);
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
