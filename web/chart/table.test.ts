import { describe, expect, it } from 'vitest';
import type { InstantSeries, QueryData } from '../api/types.ts';
import { formatValue } from '../fields/units.ts';
import { sortRows, type TableData, type TableRow, tableOf, toCsv, toTable } from './table.ts';

const T = 1_704_164_645; // unix seconds

const VECTOR: QueryData = {
  resultType: 'vector',
  result: [
    { metric: { __name__: 'up', job: 'api', instance: 'b:9090' }, value: [T, '1'] },
    { metric: { __name__: 'up', job: 'db', zone: 'eu' }, value: [T, '0'] },
  ],
};

describe('toTable', () => {
  it('has __name__ first, the other labels sorted, Value last', () => {
    const table = toTable(VECTOR);
    expect(table.columns).toEqual(['__name__', 'instance', 'job', 'zone', 'Value']);
    expect(table.rows).toEqual([
      {
        key: '[["__name__","up"],["instance","b:9090"],["job","api"]]',
        labels: { __name__: 'up', job: 'api', instance: 'b:9090' },
        value: 1,
        raw: '1',
      },
      {
        key: '[["__name__","up"],["job","db"],["zone","eu"]]',
        labels: { __name__: 'up', job: 'db', zone: 'eu' },
        value: 0,
        raw: '0',
      },
    ]);
  });

  it('omits __name__ when no series has one, and drops a label called Value', () => {
    const table = toTable({
      resultType: 'vector',
      result: [{ metric: { b: '1', a: '2', Value: 'x' }, value: [T, '3'] }],
    });
    expect(table.columns).toEqual(['a', 'b', 'Value']);
  });

  it('reads Prometheus number text, including infinities and NaN', () => {
    const values = ['+Inf', '-Inf', 'NaN', '1e+06', '-0.5'].map(
      (v) => toTable({ resultType: 'scalar', result: [T, v] }).rows[0]!.value,
    );
    expect(values).toEqual([Infinity, -Infinity, NaN, 1e6, -0.5]);
  });

  it('gives scalars and strings one unlabelled row', () => {
    expect(toTable({ resultType: 'scalar', result: [T, '42'] })).toEqual({
      columns: ['Value'],
      rows: [{ key: '[]', labels: {}, value: 42, raw: '42' }],
    });
    expect(toTable({ resultType: 'string', result: [T, '42'] }).rows).toEqual([
      { key: '[]', labels: {}, value: null, raw: '42' },
    ]);
  });

  it('takes the last sample of each matrix series, null when there is none', () => {
    const table = toTable({
      resultType: 'matrix',
      result: [
        {
          metric: { job: 'a' },
          values: [
            [T, '1'],
            [T + 15, '2'],
          ],
        },
        { metric: { job: 'b' }, values: [] },
        { metric: { job: 'c' } },
      ],
    });
    expect(table.rows.map((r) => [r.labels.job, r.value, r.raw])).toEqual([
      ['a', 2, '2'],
      ['b', null, ''],
      ['c', null, ''],
    ]);
  });

  it('copies the labels rather than sharing the answer', () => {
    const table = toTable(VECTOR);
    table.rows[0]!.labels.job = 'changed';
    expect(VECTOR.resultType === 'vector' && VECTOR.result[0]!.metric.job).toBe('api');
  });
});

const rowsOf = (pairs: [string | undefined, string][]): TableRow[] =>
  toTable({
    resultType: 'vector',
    result: pairs.map(
      ([pod, v]): InstantSeries => ({
        metric: pod === undefined ? { other: v } : { pod, other: v },
        value: [T, v],
      }),
    ),
  }).rows;

describe('sortRows', () => {
  const rows = rowsOf([
    ['pod-10', '3'],
    ['pod-2', 'NaN'],
    [undefined, '-Inf'],
    ['pod-1', '+Inf'],
    ['', '1'],
    ['Pod-3', '-2'],
  ]);
  const pods = (rs: TableRow[]) => rs.map((r) => r.labels.pod ?? '-');
  const values = (rs: TableRow[]) => rs.map((r) => r.raw);

  it('sorts labels in natural order with missing and empty ones last', () => {
    expect(pods(sortRows(rows, 'pod', 'asc'))).toEqual([
      'pod-1',
      'pod-2',
      'Pod-3',
      'pod-10',
      '-',
      '',
    ]);
    expect(pods(sortRows(rows, 'pod', 'desc'))).toEqual([
      'pod-10',
      'Pod-3',
      'pod-2',
      'pod-1',
      '-',
      '',
    ]);
  });

  it('sorts values numerically with NaN and null last both ways', () => {
    const withNull = [...rows, { key: 'x', labels: {}, value: null, raw: '' }];
    expect(values(sortRows(withNull, 'Value', 'asc'))).toEqual([
      '-Inf',
      '-2',
      '1',
      '3',
      '+Inf',
      'NaN',
      '',
    ]);
    expect(values(sortRows(withNull, 'Value', 'desc'))).toEqual([
      '+Inf',
      '3',
      '1',
      '-2',
      '-Inf',
      'NaN',
      '',
    ]);
  });

  it('returns a copy and keeps equal rows in their order', () => {
    const before = [...rows];
    const same = rowsOf([
      ['a', '1'],
      ['b', '1'],
      ['c', '1'],
    ]);
    expect(pods(sortRows(same, 'Value', 'desc'))).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual(before);
  });
});

describe('labels named like Object properties', () => {
  it('sorts and exports rows that lack them as empty', () => {
    const table = toTable({
      resultType: 'vector',
      result: [
        { metric: { a: '1' }, value: [T, '1'] },
        { metric: { a: '2', constructor: 'x' }, value: [T, '2'] },
      ],
    });
    expect(table.columns).toEqual(['a', 'constructor', 'Value']);
    expect(sortRows(table.rows, 'constructor', 'asc').map((r) => r.raw)).toEqual(['2', '1']);
    expect(toCsv(table)).toBe('a,constructor,Value\r\n1,,1\r\n2,x,2\r\n');
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 with CRLF and quoting', () => {
    const table: TableData = {
      columns: ['__name__', 'msg', 'Value'],
      rows: [
        { key: '1', labels: { __name__: 'm', msg: 'a,b "c"\nd' }, value: 1.5, raw: '1.5' },
        { key: '2', labels: { msg: 'plain' }, value: null, raw: '' },
      ],
    };
    expect(toCsv(table)).toBe('__name__,msg,Value\r\nm,"a,b ""c""\nd",1.5\r\n,plain,\r\n');
  });

  it('defuses formula cells but not plain numbers in the Value column', () => {
    const table = toTable({
      resultType: 'vector',
      result: [
        { metric: { a: '=HYPERLINK("http://x")' }, value: [T, '-1.5e-3'] },
        { metric: { a: '+1' }, value: [T, '-Inf'] },
        { metric: { a: '-2' }, value: [T, '+Inf'] },
        { metric: { a: '@SUM(A1)' }, value: [T, 'NaN'] },
        { metric: { a: '\tx' }, value: [T, '0'] },
        { metric: { a: '\rx' }, value: [T, '1'] },
      ],
    });
    expect(toCsv(table)).toBe(
      [
        'a,Value',
        `"'=HYPERLINK(""http://x"")",-1.5e-3`,
        "'+1,-Inf",
        "'-2,+Inf",
        "'@SUM(A1),NaN",
        "'\tx,0",
        `"'\rx",1`,
        '',
      ].join('\r\n'),
    );
  });

  it('uses the formatter for the Value column and defuses what it returns', () => {
    const table = toTable({
      resultType: 'vector',
      result: [
        { metric: { job: 'a' }, value: [T, '0.25'] },
        { metric: { job: 'b' }, value: [T, '-90'] },
      ],
    });
    expect(toCsv(table, (v) => formatValue(v, 's'))).toBe(
      "job,Value\r\na,250 ms\r\nb,'-1.50 min\r\n",
    );
    expect(toCsv(table, (v) => String(v))).toBe('job,Value\r\na,0.25\r\nb,-90\r\n');
  });

  it('writes just the header for an empty answer', () => {
    expect(toCsv(toTable({ resultType: 'vector', result: [] }))).toBe('Value\r\n');
  });
});

describe('tableOf', () => {
  it('makes one row per reduced series, labels as columns and Value last', () => {
    const t = tableOf([
      { key: 'a', metric: { route: '/a', __name__: 'x' }, value: 1.5 },
      { key: 'b', metric: { route: '/b', code: '500' }, value: null },
    ]);
    expect(t.columns).toEqual(['__name__', 'code', 'route', 'Value']);
    expect(t.rows.map((r) => [r.labels.route, r.value, r.raw])).toEqual([
      ['/a', 1.5, '1.5'],
      ['/b', null, ''],
    ]);
  });
});
