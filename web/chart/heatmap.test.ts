import { describe, expect, it } from 'vitest';
import {
  allHaveLe,
  type BucketSeries,
  boundaryTicks,
  boundaryValue,
  bucketHeatmap,
  calculateHeatmap,
  columnAt,
  decumulate,
  parseBound,
} from './heatmap.ts';

const xs = [100, 160, 220]; // unix s
const bucket = (le: string, ys: (number | null)[], extra: Record<string, string> = {}) =>
  ({ metric: { le, ...extra }, label: le, ys }) satisfies BucketSeries;

describe('parseBound', () => {
  it.each([
    ['0.25', 0.25],
    ['1e-05', 1e-5],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['10', 10],
  ])('%s → %d', (text, n) => {
    expect(parseBound(text)).toBe(n);
  });
  it.each([['abc'], [''], [undefined]])('%s is not a bound', (text) => {
    expect(parseBound(text)).toBeNaN();
  });
});

describe('bucketHeatmap (cumulative histogram)', () => {
  it('sorts by numeric le, +Inf last, and de-cumulates per column', () => {
    // Lexically "10" < "2.5" < "+Inf"… the order must be numeric.
    const h = bucketHeatmap(
      xs,
      60,
      [
        bucket('+Inf', [10, 20, 30]),
        bucket('10', [9, 18, 30]),
        bucket('0.5', [2, 5, 10]),
        bucket('2.5', [6, 12, 25]),
      ],
      true,
    );
    expect(h.upper).toEqual([0.5, 2.5, 10, Number.POSITIVE_INFINITY]);
    expect(h.lower).toEqual([0, 0.5, 2.5, 10]);
    expect(h.counts).toEqual([
      [2, 5, 10],
      [4, 7, 15],
      [3, 6, 5],
      [1, 2, 0],
    ]);
    expect(h.cells).toBe(11); // the one 0 is not a cell
    expect(h.maxCount).toBe(15);
    expect(h.minCount).toBe(0);
    expect(h.skipped).toBe(0);
  });

  it('sums series with the same le (one histogram from several instances)', () => {
    const h = bucketHeatmap(
      xs,
      60,
      [
        bucket('1', [1, 1, 1], { instance: 'a' }),
        bucket('1.0', [2, 2, null], { instance: 'b' }),
        bucket('+Inf', [4, 4, 4], { instance: 'a' }),
        bucket('+Inf', [5, 5, null], { instance: 'b' }),
      ],
      true,
    );
    expect(h.upper).toEqual([1, Number.POSITIVE_INFINITY]);
    expect(h.counts).toEqual([
      [3, 3, 1],
      [6, 6, 3],
    ]);
  });

  it('never goes below zero and keeps gaps as gaps', () => {
    const h = bucketHeatmap(
      xs,
      60,
      [bucket('1', [5, null, 3]), bucket('2', [4, null, null]), bucket('+Inf', [9, null, 7])],
      true,
    );
    expect(h.counts).toEqual([
      [5, null, 3],
      [0, null, null], // 4 − 5 after a reset inside the window: not −1
      [4, null, 4], // counted from the nearest lower bucket with a sample (3), not from null
    ]);
  });

  it('keeps counts as they are for time_series buckets and reads a numeric legend', () => {
    const h = bucketHeatmap(
      xs,
      60,
      [
        { metric: {}, label: '0.2', ys: [1, 2, 3] },
        { metric: {}, label: '0.1', ys: [4, 5, 6] },
        { metric: {}, label: 'total', ys: [7, 8, 9] },
      ],
      false,
    );
    expect(h.upper).toEqual([0.1, 0.2]);
    expect(h.counts).toEqual([
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(h.skipped).toBe(1);
  });

  it('has no buckets and no cells without series', () => {
    const h = bucketHeatmap(xs, 60, [], true);
    expect(h.upper).toEqual([]);
    expect(h.cells).toBe(0);
    expect(h.maxCount).toBe(0);
  });

  it('a first bound at or below zero has no lower bound', () => {
    const h = bucketHeatmap(xs, 60, [bucket('-1', [1, 1, 1]), bucket('+Inf', [2, 2, 2])], true);
    expect(h.lower).toEqual([Number.NEGATIVE_INFINITY, -1]);
  });
});

describe('decumulate', () => {
  it('handles an empty histogram', () => {
    expect(decumulate([])).toEqual([]);
  });
});

describe('allHaveLe', () => {
  it('is true only when every series has an le label', () => {
    expect(allHaveLe([{ metric: { le: '1' } }, { metric: { le: '+Inf' } }])).toBe(true);
    expect(allHaveLe([{ metric: { le: '1' } }, { metric: {} }])).toBe(false);
    expect(allHaveLe([])).toBe(false);
  });
});

describe('calculateHeatmap', () => {
  it('counts each series value into equal buckets between min and max', () => {
    const h = calculateHeatmap(
      xs,
      60,
      [
        [0, 5, null],
        [10, 5, null],
        [2, 9.9, null],
      ],
      { count: 5 },
    );
    expect(h.lower).toEqual([0, 2, 4, 6, 8]);
    expect(h.upper).toEqual([2, 4, 6, 8, 10]);
    expect(h.counts).toEqual([
      [1, 0, null],
      [1, 0, null],
      [0, 2, null],
      [0, 0, null],
      [1, 1, null], // 10 is the top of the range: last bucket
    ]);
    expect(h.cells).toBe(5);
  });

  it('uses a fixed bucket size when given', () => {
    const h = calculateHeatmap(xs, 60, [[0.25, 0.5, 0.75]], { size: 0.5 });
    expect(h.lower).toEqual([0, 0.5]);
    expect(h.counts).toEqual([
      [1, 0, 0],
      [0, 1, 1],
    ]);
  });

  it('has nothing to draw without values', () => {
    expect(calculateHeatmap(xs, 60, [[null, null, null]]).upper).toEqual([]);
  });
});

describe('columnAt', () => {
  const h = { xs: [100, 160, 220], step: 60 };
  it.each([
    [41, 0],
    [100, 0],
    [101, 1],
    [220, 2],
    [40, -1],
    [221, -1],
  ])('t=%d is in column %d', (t, j) => {
    expect(columnAt(h, t)).toBe(j);
  });
});

describe('the bucket axis', () => {
  const h = { lower: [0, 0.1, 0.25], upper: [0.1, 0.25, Number.POSITIVE_INFINITY] };
  it('boundary k is the lower bound of the first bucket, then each upper bound', () => {
    expect([0, 1, 2, 3].map((k) => boundaryValue(h, k))).toEqual([
      0,
      0.1,
      0.25,
      Number.POSITIVE_INFINITY,
    ]);
  });
  it('labels every boundary when rows are tall enough, else every n-th', () => {
    expect(boundaryTicks(3, 300)).toEqual([0, 1, 2, 3]);
    expect(boundaryTicks(12, 96)).toEqual([0, 2, 4, 6, 8, 10, 12]); // 8 px rows
    expect(boundaryTicks(0, 100)).toEqual([]);
  });
});
