import { describe, expect, it } from 'vitest';
import type { RangeSeries } from '../api/types.ts';
import { matrixToColumns } from '../query/matrix.ts';
import type { RangeAnswer } from './panel-data.ts';
import { instantAsMatrix, MAX_SERIES, panelColumns } from './panel-data.ts';
import type { PlannedQuery } from './panel-queries.ts';

const grid = { start: 100, end: 130, step: 10 };
const plan = (refId: string, legendFormat?: string): PlannedQuery => ({
  refId,
  expr: 'x',
  legendFormat,
  instant: false,
  ...grid,
});
const answer = (result: RangeSeries[]): RangeAnswer => ({
  data: { resultType: 'matrix', result },
  warnings: [],
  infos: [],
  totalMs: 1,
  grid,
  samples: result.reduce((n, s) => n + (s.values?.length ?? 0), 0),
  columns: matrixToColumns(result, grid),
});

describe('panelColumns', () => {
  it('puts every target on one x grid with labels from the legend format', () => {
    const cols = panelColumns(
      [plan('A', '{{route}}'), plan('B', 'total')],
      [
        answer([
          {
            metric: { route: '/a' },
            values: [
              [100, '1'],
              [110, '2'],
            ],
          },
          { metric: { route: '/b' }, values: [[120, '3']] },
        ]),
        answer([
          {
            metric: {},
            values: [
              [130, 'NaN'],
              [100, '+Inf'],
              [110, '4'],
            ],
          },
        ]),
      ],
    );
    expect(cols.xs).toEqual([100, 110, 120, 130]);
    expect(cols.ys).toEqual([
      [1, 2, null, null],
      [null, null, 3, null],
      [null, 4, null, null],
    ]);
    expect(cols.series.map((s) => [s.refId, s.label])).toEqual([
      ['A', '/a'],
      ['A', '/b'],
      ['B', 'total'],
    ]);
    expect(new Set(cols.series.map((s) => s.key)).size).toBe(3);
    expect(new Set(cols.series.map((s) => s.color)).size).toBe(3);
    expect(cols.samples).toBe(6);
  });

  it('skips failed answers and draws at most MAX_SERIES series, counting the rest', () => {
    const many: RangeSeries[] = Array.from({ length: MAX_SERIES + 50 }, (_, i) => ({
      metric: { i: String(i) },
      values: [[100, String(i)]],
    }));
    const cols = panelColumns([plan('A'), plan('B')], [undefined, answer(many)]);
    expect(cols.series).toHaveLength(MAX_SERIES);
    expect(cols.ys).toHaveLength(MAX_SERIES);
    expect(cols.dropped).toBe(50);
  });

  it('labels a shared answer by each panel’s own plan (identical queries are fetched once)', () => {
    // The same p99 query in a stat panel (refId A) and in a latency panel (refId C).
    const shared = answer([{ metric: {}, values: [[100, '0.2']] }]);
    const latency = panelColumns(
      [plan('A', 'p50'), plan('B', 'p90'), plan('C', 'p99')],
      [
        answer([{ metric: {}, values: [[100, '0.1']] }]),
        answer([{ metric: {}, values: [[100, '0.15']] }]),
        shared,
      ],
    );
    const stat = panelColumns([plan('A', 'now')], [shared]);
    expect(latency.series.map((s) => s.key)).toEqual(['A/[]', 'B/[]', 'C/[]']);
    expect(latency.series.map((s) => s.label)).toEqual(['p50', 'p90', 'p99']);
    expect(stat.series.map((s) => s.label)).toEqual(['now']);
  });
});

describe('instantAsMatrix', () => {
  it('gives each series of a vector its one sample, and a scalar one series without labels', () => {
    expect(
      instantAsMatrix({
        resultType: 'vector',
        result: [{ metric: { job: 'a' }, value: [100, '1.5'] }, { metric: { job: 'b' } }],
      }),
    ).toEqual([
      { metric: { job: 'a' }, values: [[100, '1.5']] },
      { metric: { job: 'b' }, values: [] },
    ]);
    expect(instantAsMatrix({ resultType: 'scalar', result: [100, '2'] })).toEqual([
      { metric: {}, values: [[100, '2']] },
    ]);
    expect(instantAsMatrix({ resultType: 'string', result: [100, 'x'] })).toEqual([]);
  });
});
