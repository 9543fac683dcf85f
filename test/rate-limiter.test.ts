// The pace of bulk sends: no more than `limit` answered sends in any second, however late the
// answers come, because a send waits for the answer to the one `limit` places before it.
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../src/jobs/rate-limiter.ts';

describe('the rate limiter', () => {
  it('lets the sixth of five a second leave only a second after the first was answered', async () => {
    const limiter = new RateLimiter(5, { pace: 1, catchUpMs: 0 });
    const started = performance.now();
    const answers: (() => void)[] = [];
    for (let i = 0; i < 5; i++) answers.push(await limiter.take());
    // Telegram is slow: the first answer comes 300 ms after it left.
    await new Promise((r) => setTimeout(r, 300 - (performance.now() - started)));
    const firstAnswered = performance.now();
    answers.forEach((answered) => answered());
    await limiter.take();
    expect(performance.now() - firstAnswered).toBeGreaterThanOrEqual(1_000);
  });

  it('holds every slot back for a pause', async () => {
    const limiter = new RateLimiter(100);
    (await limiter.take())();
    limiter.pause(200);
    const started = performance.now();
    (await limiter.take())();
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });
});
