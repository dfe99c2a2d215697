import { describe, expect, it } from 'vitest';
import type { RangeSeries } from '../api/types.ts';
import { matrixToColumns, matrixToColumnsSliced, SLICE_SAMPLES, seriesKey } from './matrix.ts';

const GRID = { start: 1000, end: 1060, step: 15 }; // unix seconds: 1000, 1015, …, 1060

describe('matrixToColumns', () => {
  it('lays samples out in uPlot columns with nulls for gaps', () => {
    const result: RangeSeries[] = [
      {
        metric: { job: 'a' },
        values: [
          [1000, '1'],
          [1015, '2.5'],
          [1045, '4'],
        ],
      },
      { metric: { job: 'b' }, values: [[1060, '-3']] },
    ];
    expect(matrixToColumns(result, GRID)).toEqual({
      xs: [1000, 1015, 1030, 1045, 1060],
      ys: [
        [1, 2.5, null, 4, null],
        [null, null, null, null, -3],
      ],
    });
  });

  it('includes the end when it falls on the grid, and stops before it otherwise', () => {
    expect(matrixToColumns([], { start: 0, end: 30, step: 10 }).xs).toEqual([0, 10, 20, 30]);
    expect(matrixToColumns([], { start: 0, end: 35, step: 10 }).xs).toEqual([0, 10, 20, 30]);
    expect(matrixToColumns([], { start: 5, end: 5, step: 10 }).xs).toEqual([5]);
  });

  it('turns NaN and infinities into gaps', () => {
    const result: RangeSeries[] = [
      {
        metric: {},
        values: [
          [1000, 'NaN'],
          [1015, '+Inf'],
          [1030, '-Inf'],
          [1045, '1e3'],
          [1060, '-0.5'],
        ],
      },
    ];
    expect(matrixToColumns(result, GRID).ys).toEqual([[null, null, null, 1000, -0.5]]);
  });

  it('puts off-grid samples on the nearest slot', () => {
    const result: RangeSeries[] = [
      {
        metric: {},
        values: [
          [1007.4, '1'],
          [1022.5, '2'],
          [1044.9, '3'],
        ],
      },
    ];
    expect(matrixToColumns(result, GRID).ys).toEqual([[1, null, 2, 3, null]]);
  });

  it('drops samples outside the grid', () => {
    const result: RangeSeries[] = [
      {
        metric: {},
        values: [
          [985, '1'],
          [992.4, '2'],
          [1000, '3'],
          [1067.4, '4'],
          [1075, '5'],
        ],
      },
    ];
    expect(matrixToColumns(result, GRID).ys).toEqual([[3, null, null, null, 4]]);
  });

  it('keeps the later sample when two land on one slot', () => {
    const result: RangeSeries[] = [
      {
        metric: {},
        values: [
          [1014, '1'],
          [1016, '2'],
        ],
      },
    ];
    expect(matrixToColumns(result, GRID).ys).toEqual([[null, 2, null, null, null]]);
  });

  it('gives a series without values an all-null column', () => {
    const result: RangeSeries[] = [{ metric: { a: '1' } }, { metric: { a: '2' }, values: [] }];
    expect(matrixToColumns(result, GRID).ys).toEqual([
      [null, null, null, null, null],
      [null, null, null, null, null],
    ]);
  });

  it('handles an empty result', () => {
    expect(matrixToColumns([], GRID)).toEqual({ xs: [1000, 1015, 1030, 1045, 1060], ys: [] });
  });

  it('gives an empty grid for an inverted range or a step that is not positive', () => {
    const result: RangeSeries[] = [{ metric: {}, values: [[1000, '1']] }];
    expect(matrixToColumns(result, { start: 10, end: 0, step: 5 })).toEqual({ xs: [], ys: [[]] });
    expect(matrixToColumns(result, { start: 1000, end: 1060, step: 0 })).toEqual({
      xs: [],
      ys: [[]],
    });
  });

  it('does not drift with fractional steps', () => {
    const { xs } = matrixToColumns([], { start: 0, end: 3, step: 0.1 });
    expect(xs).toHaveLength(31);
    expect(xs[30]).toBeCloseTo(3, 12);
    expect(xs[7]).toBe(0.7000000000000001); // 7 * 0.1, not a sum of seven 0.1s
  });

  it('scales linearly to a full day at 15 s', () => {
    const start = 1_700_000_000;
    const n = 5761;
    const values = Array.from({ length: n }, (_, i): [number, string] => [
      start + i * 15,
      String(i),
    ]);
    const { xs, ys } = matrixToColumns([{ metric: {}, values }], {
      start,
      end: start + (n - 1) * 15,
      step: 15,
    });
    expect(xs).toHaveLength(n);
    expect(ys[0]?.[n - 1]).toBe(n - 1);
  });
});

describe('seriesKey', () => {
  it('ignores label order', () => {
    expect(seriesKey({ job: 'api', __name__: 'up', instance: 'a:9090' })).toBe(
      seriesKey({ instance: 'a:9090', __name__: 'up', job: 'api' }),
    );
  });

  it('sorts label pairs by name', () => {
    expect(seriesKey({ job: 'api', __name__: 'up' })).toBe('[["__name__","up"],["job","api"]]');
    expect(seriesKey({})).toBe('[]');
  });

  it('tells apart series that differ in any label', () => {
    const keys = new Set([
      seriesKey({ a: '1' }),
      seriesKey({ a: '2' }),
      seriesKey({ b: '1' }),
      seriesKey({ a: '1', b: '' }),
      seriesKey({ 'a,b': '1' }),
      seriesKey({ a: '1,b=' }),
      seriesKey({ a: '"1"' }),
    ]);
    expect(keys.size).toBe(7);
  });
});

describe('matrixToColumnsSliced', () => {
  const grid = { start: 0, end: 9_999, step: 1 };
  // 30 series × 10,000 samples: 300,000 samples, three slices' worth.
  const result: RangeSeries[] = Array.from({ length: 30 }, (_, k) => ({
    metric: { k: String(k) },
    values: Array.from({ length: 10_000 }, (_, t) => [t, String(k + t / 10)] as [number, string]),
  }));

  it('gives the same columns as matrixToColumns, yielding between slices of samples', async () => {
    let yields = 0;
    const cols = await matrixToColumnsSliced(result, grid, 200, async () => {
      yields++;
    });
    expect(cols).toEqual(matrixToColumns(result, grid));
    expect(yields).toBe(Math.ceil(300_000 / SLICE_SAMPLES) - 1);
  });

  it('converts only the first maxSeries series', async () => {
    const cols = await matrixToColumnsSliced(result, grid, 3, async () => {});
    expect(cols.ys).toHaveLength(3);
    expect(cols.ys[2]![5]).toBe(2.5);
  });
});
