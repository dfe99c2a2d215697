import { describe, expect, it } from 'vitest';
import { alignRange, computeStep, rateInterval } from './step.ts';

const HOUR = 3_600_000; // ms
const DAY = 24 * HOUR;

describe('computeStep', () => {
  it('gives one point per pixel', () => {
    expect(computeStep({ rangeMs: HOUR, widthPx: 1200, minIntervalMs: 0 })).toBe(3);
    expect(computeStep({ rangeMs: 6 * HOUR, widthPx: 1000, minIntervalMs: 0 })).toBe(22);
  });

  it('rounds up to a whole second, at least 1', () => {
    expect(computeStep({ rangeMs: 5 * 60_000, widthPx: 1000, minIntervalMs: 0 })).toBe(1);
    expect(computeStep({ rangeMs: 1000, widthPx: 1000, minIntervalMs: 0 })).toBe(1);
    expect(computeStep({ rangeMs: 0, widthPx: 1000, minIntervalMs: 0 })).toBe(1);
    expect(computeStep({ rangeMs: 2_001_000, widthPx: 1000, minIntervalMs: 0 })).toBe(3);
  });

  it('never goes below the min interval', () => {
    expect(computeStep({ rangeMs: HOUR, widthPx: 1000, minIntervalMs: 15_000 })).toBe(15);
    expect(computeStep({ rangeMs: HOUR, widthPx: 1000, minIntervalMs: 1_500 })).toBe(4);
    expect(computeStep({ rangeMs: HOUR, widthPx: 100, minIntervalMs: 1_500 })).toBe(36);
  });

  it('stays within 11,000 points per series on very wide panels', () => {
    expect(computeStep({ rangeMs: 30 * DAY, widthPx: 100_000, minIntervalMs: 0 })).toBe(236);
    const step = computeStep({ rangeMs: 365 * DAY, widthPx: 50_000, minIntervalMs: 0 });
    expect((365 * DAY) / (step * 1000)).toBeLessThanOrEqual(11_000);
  });

  it('treats an unmeasured width as 1000 px', () => {
    expect(computeStep({ rangeMs: 6 * HOUR, widthPx: 0, minIntervalMs: 0 })).toBe(22);
    expect(computeStep({ rangeMs: 6 * HOUR, widthPx: -5, minIntervalMs: 0 })).toBe(22);
    expect(computeStep({ rangeMs: 6 * HOUR, widthPx: Number.NaN, minIntervalMs: 0 })).toBe(22);
  });
});

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

describe('rateInterval', () => {
  it('is interval + scrape when that covers 4 scrapes', () => {
    expect(rateInterval(60_000, 15_000)).toBe(75_000);
  });

  it('is 4 scrapes for short intervals', () => {
    expect(rateInterval(5_000, 15_000)).toBe(60_000);
    expect(rateInterval(15_000, 15_000)).toBe(60_000);
    expect(rateInterval(0, 30_000)).toBe(120_000);
  });

  it('switches over at 3 scrapes', () => {
    expect(rateInterval(45_000, 15_000)).toBe(60_000);
    expect(rateInterval(46_000, 15_000)).toBe(61_000);
  });
});
