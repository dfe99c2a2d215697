import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { RangeSeries } from '../api/types.ts';
import { matrixToColumns } from '../query/matrix.ts';
import {
  describeOutcome,
  describeRequest,
  joinByTime,
  rawResponse,
  reducedTable,
  timeTableCsv,
} from './inspect-data.ts';
import type { RangeAnswer } from './panel-data.ts';
import { panelColumns } from './panel-data.ts';
import type { PlannedQuery } from './panel-queries.ts';
import type { QueryOutcome } from './use-panel-data.ts';

const grid = { start: 100, end: 130, step: 10 };
const plan = (refId: string, legendFormat?: string): PlannedQuery => ({
  refId,
  expr: `x_${refId}`,
  legendFormat,
  instant: false,
  ...grid,
});
const answer = (result: RangeSeries[], extra: Partial<RangeAnswer> = {}): RangeAnswer => ({
  data: { resultType: 'matrix', result },
  warnings: [],
  infos: [],
  totalMs: 12.34,
  upstreamMs: 3.21,
  grid,
  samples: result.reduce((n, s) => n + (s.values?.length ?? 0), 0),
  columns: matrixToColumns(result, grid),
  ...extra,
});

const planned = [plan('A', '{{route}}'), plan('B', 'total')];
const answers = [
  answer([
    {
      metric: { route: '/a' },
      values: [
        [100, '1'],
        [110, 'NaN'],
      ],
    },
    { metric: { route: '=cmd|calc' }, values: [[120, '-2.5']] },
  ]),
  answer([
    {
      metric: {},
      values: [
        [110, '+Inf'],
        [130, '1e+06'],
      ],
    },
  ]),
];
const outcomes = planned.map((q, i) => ({ refId: q.refId, answer: answers[i], error: null }));
const columns = panelColumns(planned, answers);

describe('joinByTime', () => {
  it("joins every drawn series on its timestamps with Prometheus' own text", () => {
    const t = joinByTime(outcomes, columns.series);
    expect(t.series).toEqual(['/a', '=cmd|calc', 'total']);
    expect(t.rows).toEqual([
      { time: 100, cells: ['1', '', ''] },
      { time: 110, cells: ['NaN', '', '+Inf'] },
      { time: 120, cells: ['', '-2.5', ''] },
      { time: 130, cells: ['', '', '1e+06'] },
    ]);
  });

  it('leaves out series the panel does not draw and failed queries', () => {
    const t = joinByTime(
      [outcomes[0]!, { ...outcomes[1]!, error: new Error('boom') }],
      columns.series.slice(0, 1),
    );
    expect(t.series).toEqual(['/a']);
    expect(t.rows.map((r) => r.time)).toEqual([100, 110]);
  });
});

describe('timeTableCsv', () => {
  it('writes a header, ISO times and values, defusing formulas but not numbers', () => {
    const csv = timeTableCsv(joinByTime(outcomes, columns.series));
    expect(csv).toBe(
      "Time,/a,'=cmd|calc,total\r\n" +
        '1970-01-01T00:01:40.000Z,1,,\r\n' +
        '1970-01-01T00:01:50.000Z,NaN,,+Inf\r\n' +
        '1970-01-01T00:02:00.000Z,,-2.5,\r\n' +
        '1970-01-01T00:02:10.000Z,,,1e+06\r\n',
    );
  });

  it('quotes legends with commas and quotes', () => {
    const csv = timeTableCsv({ series: ['a,"b"'], rows: [{ time: 0, cells: ['1'] }] });
    expect(csv.split('\r\n')[0]).toBe('Time,"a,""b"""');
  });
});

describe('reducedTable', () => {
  it('has one row per series with its legend and the last value', () => {
    const panel = { options: {}, fieldConfig: { defaults: {} } };
    const t = reducedTable(panel, columns);
    expect(t.columns).toEqual(['Series', 'route', 'Value']);
    expect(t.rows.map((r) => [r.labels.Series, r.value])).toEqual([
      ['/a', 1], // NaN is a gap in the drawn columns, so the last non-null is 1
      ['=cmd|calc', -2.5],
      ['total', 1e6],
    ]);
  });
});

const request = {
  ...plan('A'),
  expr: 'rate(x[5m])',
  start: 1700000000,
  end: 1700003600,
  step: 15,
  dsUid: 'prom',
  url: '/api/datasources/proxy/uid/prom/api/v1/query_range?query=rate%28x%5B5m%5D%29&start=1700000000&end=1700003600&step=15',
};
const outcome = (over: Partial<QueryOutcome>): QueryOutcome => ({
  refId: 'A',
  request,
  step: 15,
  loading: false,
  error: null,
  series: 1,
  samples: 2,
  ...over,
});

describe('describeRequest', () => {
  it('shows the request as sent, with times in ISO and unix seconds', () => {
    expect(Object.fromEntries(describeRequest(request))).toEqual({
      Method: 'GET',
      Path: '/api/datasources/proxy/uid/prom/api/v1/query_range',
      'Query string': 'query=rate%28x%5B5m%5D%29&start=1700000000&end=1700003600&step=15',
      Expression: 'rate(x[5m])',
      Start: '2023-11-14T22:13:20.000Z (1700000000)',
      End: '2023-11-14T23:13:20.000Z (1700003600)',
      Step: '15 s (15s)',
    });
  });
});

describe('describeOutcome', () => {
  it('gives counts and both timings of an answer, and its warnings', () => {
    const a = answer([], { warnings: ['too many'], upstreamMs: 3.21 });
    const rows = describeOutcome(outcome({ answer: a, upstreamMs: 3.21, totalMs: 12.34 }));
    expect(rows).toEqual([
      ['Status', 'HTTP 200 · success'],
      ['Prometheus time', '3.2 ms'],
      ['Round trip', '12.3 ms'],
      ['Series', '1'],
      ['Samples', '2'],
      ['Warning', 'too many'],
    ]);
  });

  it("gives Prometheus' error with its HTTP status", () => {
    const error = new ApiError(400, 'bad_data', 'parse error at char 3');
    expect(describeOutcome(outcome({ error }))).toEqual([
      ['Status', 'HTTP 400 · bad_data'],
      ['Error', 'parse error at char 3'],
    ]);
  });

  it('says when a query is running', () => {
    expect(describeOutcome(outcome({ loading: true }))).toEqual([['Status', 'running…']]);
  });
});

describe('rawResponse', () => {
  it("rebuilds Prometheus' envelope, warnings only when there are some", () => {
    const a = answers[1]!;
    expect(rawResponse({ answer: a, error: null })).toStrictEqual({
      status: 'success',
      data: a.data,
    });
    const w = answer([], { warnings: ['w'], infos: ['i'] });
    expect(JSON.stringify(rawResponse({ answer: w, error: null }))).toBe(
      '{"status":"success","data":{"resultType":"matrix","result":[]},"warnings":["w"],"infos":["i"]}',
    );
  });

  it('gives the error envelope for a failed query, and null before any answer', () => {
    const error = new ApiError(422, 'execution', 'query timed out');
    expect(rawResponse({ error })).toStrictEqual({
      status: 'error',
      errorType: 'execution',
      error: 'query timed out',
    });
    expect(rawResponse({ error: null })).toBeNull();
  });
});
