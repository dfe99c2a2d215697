import { describe, expect, it } from 'vitest';
import { msToNextTick, tickTime } from './use-now.ts';

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

describe('tickTime', () => {
  it('counts a timer that fired early as its due moment, so the range still moves', () => {
    const due = 1_000_005_000;
    expect(tickTime(due - 1, due)).toBe(due);
    // From there the next tick is the following multiple, not 1 ms away nor skipped.
    expect(tickTime(due - 1, due) + msToNextTick(tickTime(due - 1, due), 5_000)).toBe(
      1_000_010_000,
    );
    expect(tickTime(due + 3, due)).toBe(due + 3);
  });
});
