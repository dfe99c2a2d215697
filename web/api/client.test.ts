import { describe, expect, it } from 'vitest';
import { upstreamDuration } from './client.ts';

describe('upstreamDuration', () => {
  it("reads the proxy's Server-Timing entry", () => {
    expect(upstreamDuration('upstream;dur=12.3')).toBe(12.3);
    expect(upstreamDuration('cache;desc="hit", upstream;desc="prom";dur=4')).toBe(4);
  });

  it('is undefined without one', () => {
    expect(upstreamDuration(null)).toBeUndefined();
    expect(upstreamDuration('db;dur=3')).toBeUndefined();
  });
});
