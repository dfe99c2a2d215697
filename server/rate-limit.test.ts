import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('grants the burst at once, then one token per 1/rate seconds', () => {
    let now = 0; // ms
    const r = new RateLimiter(10, 3, () => now);
    expect([r.take('a'), r.take('a'), r.take('a')]).toEqual([0, 0, 0]);
    expect(r.take('a')).toBeCloseTo(0.1); // seconds until the next token
    now = 100;
    expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBeGreaterThan(0);
  });

  it('refills no further than the burst', () => {
    let now = 0;
    const r = new RateLimiter(10, 2, () => now);
    r.take('a');
    now = 60_000;
    expect([r.take('a'), r.take('a')]).toEqual([0, 0]);
    expect(r.take('a')).toBeGreaterThan(0);
  });

  it('forgets idle clients rather than growing without bound', () => {
    let now = 0;
    const r = new RateLimiter(10, 2, () => now, 3);
    for (const c of ['a', 'b', 'c']) r.take(c);
    now = 1000; // 2 tokens at 10/s refill in 200 ms: all three are idle and full
    r.take('d');
    expect(r.clients).toBe(1);
  });
});
