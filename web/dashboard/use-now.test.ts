import { describe, expect, it } from 'vitest';
import { msToNextTick } from './use-now.ts';

describe('msToNextTick', () => {
  it('waits for the next multiple of the interval, so viewers tick together', () => {
    expect(msToNextTick(1_000_000_001, 5_000)).toBe(4_999);
    expect(msToNextTick(1_000_003_000, 5_000)).toBe(2_000);
    expect(msToNextTick(1_000_000_000, 5_000)).toBe(5_000);
    // Two viewers who opened the page at different moments tick at the same one.
    const a = 1_000_000_700;
    const b = 1_000_003_900;
    expect(a + msToNextTick(a, 5_000)).toBe(b + msToNextTick(b, 5_000));
  });
});
