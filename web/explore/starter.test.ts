import { describe, expect, it } from 'vitest';
import { guessedType, metricRows, selector, starterQueries } from './starter.ts';

describe('starterQueries', () => {
  it('rates a counter per job', () => {
    expect(starterQueries('http_requests_total', 'counter')).toEqual([
      {
        expr: 'sum by (job) (rate(http_requests_total[$__rate_interval]))',
        legendFormat: '{{job}}',
      },
    ]);
  });

  const P50_P90_P99 = [
    {
      expr: 'histogram_quantile(0.5, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))',
      legendFormat: 'p50',
    },
    {
      expr: 'histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))',
      legendFormat: 'p90',
    },
    {
      expr: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[$__rate_interval])))',
      legendFormat: 'p99',
    },
  ];

  it('gives a histogram p50, p90 and p99 from its buckets', () => {
    expect(starterQueries('http_request_duration_seconds', 'histogram')).toEqual(P50_P90_P99);
  });

  it.each(['_bucket', '_count', '_sum'])('goes back to the family from %s', (suffix) => {
    expect(starterQueries(`http_request_duration_seconds${suffix}`, 'histogram')).toEqual(
      P50_P90_P99,
    );
  });

  it('reads gauge histogram buckets without rate()', () => {
    expect(starterQueries('queue_wait_seconds', 'gaugehistogram')[1]).toEqual({
      expr: 'histogram_quantile(0.9, sum by (le) (queue_wait_seconds_bucket))',
      legendFormat: 'p90',
    });
  });

  it('shows a summary with its quantiles as the legend', () => {
    const want = [{ expr: 'rpc_duration_seconds', legendFormat: '{{quantile}}' }];
    expect(starterQueries('rpc_duration_seconds', 'summary')).toEqual(want);
    expect(starterQueries('rpc_duration_seconds_count', 'summary')).toEqual(want);
    expect(starterQueries('rpc_duration_seconds_sum', 'summary')).toEqual(want);
  });

  it.each(['gauge', 'unknown', 'info', 'stateset', 'untyped', undefined])(
    'shows the raw series for %s',
    (type) => {
      expect(starterQueries('node_memory_bytes_sum', type)).toEqual([
        { expr: 'node_memory_bytes_sum' },
      ]);
    },
  );

  it('ignores the case of the type', () => {
    expect(starterQueries('x_total', 'Counter')[0]?.legendFormat).toBe('{{job}}');
  });

  it('quotes UTF-8 metric names', () => {
    expect(starterQueries('my.requests', 'counter')[0]?.expr).toBe(
      'sum by (job) (rate({"my.requests"}[$__rate_interval]))',
    );
    expect(starterQueries('lat.seconds', 'histogram')[0]?.expr).toBe(
      'histogram_quantile(0.5, sum by (le) (rate({"lat.seconds_bucket"}[$__rate_interval])))',
    );
  });
});

describe('selector', () => {
  it('escapes quotes and backslashes inside a quoted name', () => {
    expect(selector('up')).toBe('up');
    expect(selector('ns:rule:rate5m')).toBe('ns:rule:rate5m');
    expect(selector('a"b\\c')).toBe('{"a\\"b\\\\c"}');
    expect(selector('1st')).toBe('{"1st"}');
  });
});

describe('metricRows', () => {
  const METADATA = {
    up: [{ type: 'gauge', help: 'Whether the target is up.', unit: '' }],
    go_gc_duration_seconds: [{ type: 'summary', help: 'GC pause durations.' }],
    http_requests_total: [
      { type: 'counter', help: '' },
      { type: 'counter', help: 'Total HTTP requests.' },
    ],
    Apple: [{ type: 'untyped', help: 'Capitalised.' }],
    empty: [],
  };

  it('lists every metric sorted by name, preferring entries with help', () => {
    expect(metricRows(METADATA, '')).toEqual([
      { name: 'Apple', type: 'untyped', help: 'Capitalised.' },
      { name: 'empty', type: 'unknown', help: '' },
      { name: 'go_gc_duration_seconds', type: 'summary', help: 'GC pause durations.' },
      { name: 'http_requests_total', type: 'counter', help: 'Total HTTP requests.' },
      { name: 'up', type: 'gauge', help: 'Whether the target is up.' },
    ]);
  });

  it('needs every word in the name or the help, ignoring case', () => {
    const names = (filter: string) => metricRows(METADATA, filter).map((r) => r.name);
    expect(names('HTTP')).toEqual(['http_requests_total']);
    expect(names('total requests')).toEqual(['http_requests_total']);
    expect(names('gc PAUSE')).toEqual(['go_gc_duration_seconds']);
    expect(names('target')).toEqual(['up']);
    expect(names('gc target')).toEqual([]);
    expect(names('  ')).toHaveLength(5);
  });
});

describe('metricRows with names no metadata describes', () => {
  // VictoriaMetrics 1.79 (Debian bookworm) answers /api/v1/metadata with {"data":{}}; Prometheus
  // has no metadata for recording rules' outputs. Their names come from label/__name__/values.
  it('lists every name, a histogram once, typed from suffixes and marked as guessed', () => {
    const names = [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_count',
      'http_request_duration_seconds_sum',
      'rpc_seconds_count',
      'job:http_requests:rate5m',
      'up',
      'up',
    ];
    expect(metricRows({}, '', names)).toEqual([
      { name: 'http_request_duration_seconds', type: 'histogram', help: '', guessed: true },
      { name: 'http_requests_total', type: 'counter', help: '', guessed: true },
      { name: 'job:http_requests:rate5m', type: 'unknown', help: '', guessed: true },
      { name: 'rpc_seconds_count', type: 'unknown', help: '', guessed: true },
      { name: 'up', type: 'unknown', help: '', guessed: true },
    ]);
  });

  it('keeps metadata where there is some, and filters both alike', () => {
    const metadata = {
      up: [{ type: 'gauge', help: 'Whether the target is up.' }],
      rpc_seconds: [{ type: 'summary', help: 'RPC latency.' }],
    };
    const names = ['up', 'job:up:sum', 'rpc_seconds_count', 'rpc_seconds_sum'];
    expect(metricRows(metadata, 'up', names)).toEqual([
      { name: 'job:up:sum', type: 'unknown', help: '', guessed: true },
      { name: 'up', type: 'gauge', help: 'Whether the target is up.' },
    ]);
    expect(metricRows(metadata, 'rpc', names).map((r) => r.name)).toEqual(['rpc_seconds']);
    expect(metricRows(metadata, 'target', names).map((r) => r.name)).toEqual(['up']);
  });

  it('guesses only from the OpenMetrics suffixes', () => {
    expect(guessedType('x_total')).toBe('counter');
    expect(guessedType('x_bucket')).toBe('histogram');
    expect(guessedType('x_sum')).toBe('unknown');
    expect(guessedType('total')).toBe('unknown');
  });

  it('gives a guessed histogram the quantile trio, as the explorer does for a real one', () => {
    const [row] = metricRows({}, '', ['http_request_duration_seconds_bucket']);
    expect(row?.name).toBe('http_request_duration_seconds');
    expect(starterQueries(row!.name, row!.type).map((q) => q.legendFormat)).toEqual([
      'p50',
      'p90',
      'p99',
    ]);
  });
});
