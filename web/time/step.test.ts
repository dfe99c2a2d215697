import { describe, expect, it } from 'vitest';
import { alignRange } from './step.ts';

const HOUR = 3_600_000; // ms

describe('alignRange', () => {
  it('floors both ends to multiples of the step, in seconds', () => {
    expect(alignRange(1_700_000_012_345, 1_700_003_612_345, 15)).toEqual({
      start: 1_700_000_010,
      end: 1_700_003_610,
    });
  });

  it('leaves aligned ranges alone', () => {
    expect(alignRange(1_699_999_980_000, 1_700_000_580_000, 60)).toEqual({
      start: 1_699_999_980,
      end: 1_700_000_580,
    });
  });

  it('gives viewers a few seconds apart the same request', () => {
    const a = alignRange(1_700_000_000_000 - HOUR, 1_700_000_000_000, 30);
    const b = alignRange(1_700_000_007_000 - HOUR, 1_700_000_007_000, 30);
    expect(a).toEqual(b);
  });

  it('floors sub-second input with a 1 s step', () => {
    expect(alignRange(1_999, 5_001, 1)).toEqual({ start: 1, end: 5 });
  });

  it('never lets end fall before start', () => {
    // A range shorter than a step still spans one step.
    expect(alignRange(1_700_000_001_000, 1_700_000_002_000, 60)).toEqual({
      start: 1_699_999_920,
      end: 1_699_999_980,
    });
    expect(alignRange(10_000, 5_000, 1)).toEqual({ start: 10, end: 10 });
  });
});

describe('alignRange as a window slides', () => {
  it('keeps the same number of steps when the step does not divide the range', () => {
    const DAY = 86_400_000; // ms
    const lengths = new Set<number>();
    for (let now = 1_700_000_000_000; now < 1_700_000_000_000 + 600_000; now += 5_000) {
      const { start, end } = alignRange(now - DAY, now, 123);
      expect(start % 123).toBe(0);
      expect(start * 1000).toBeLessThanOrEqual(now - DAY); // the whole day is covered
      lengths.add(end - start);
    }
    expect([...lengths]).toEqual([703 * 123]);
  });
});
