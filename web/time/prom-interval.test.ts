// Grafana's own test cases, transcribed as data (cases are facts; the code is ours). Each
// table names the Grafana file it comes from.
import { describe, expect, it } from 'vitest';
import { interpolateBuiltins } from '../variables/interpolate.ts';
import {
  alignTime,
  formatInterval,
  grafanaStep,
  minIntervalFrom,
  parseInterval,
  roundInterval,
  type StepRequest,
} from './prom-interval.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

// grafana/grafana-plugin-sdk-go backend/gtime/gtime_test.go, TestRoundInterval
const ROUND: [input: number, expected: number][] = [
  [9, 1],
  [14, 10],
  [34, 20],
  [74, 50],
  [140, 100],
  [320, 200],
  [740, 500],
  [1400, 1000],
  [3200, 2000],
  [7400, 5000],
  [12400, 10000],
  [17250, 15000],
  [23000, 20000],
  [42000, 30000],
  [85000, 60000],
  [200000, 120000],
  [420000, 300000],
  [720000, 600000],
  [1000000, 900000],
  [1250000, 1200000],
  [2500000, 1800000],
  [5200000, 3600000],
  [8500000, 7200000],
  [15000000, 10800000],
  [30000000, 21600000],
  [85000000, 43200000],
  [150000000, 86400000],
  [600000000, 86400000],
  [1500000000, 604800000],
  [3500000000, 2592000000],
  [40000000000, 31536000000],
];

describe('roundInterval (gtime_test.go TestRoundInterval)', () => {
  it.each(ROUND)('%d ms → %d ms', (input, expected) => {
    expect(roundInterval(input)).toBe(expected);
  });
});

// gtime_test.go, TestFormatInterval
describe('formatInterval (gtime_test.go TestFormatInterval)', () => {
  it.each([
    [61 * S, '1m'],
    [30, '30ms'],
    [23 * H, '23h'],
    [24 * H, '1d'],
    [367 * 24 * H, '1y'],
  ] as const)('%d ms → %s', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

// gtime_test.go, TestGetIntervalFrom: (query interval, intervalMs, default) → min interval
describe('minIntervalFrom (gtime_test.go TestGetIntervalFrom)', () => {
  it.each([
    ['45s', 0, 15 * S, 45 * S],
    ['45', 0, 15 * S, 45 * S],
    ['2m', 0, 15 * S, 2 * M],
    ['1d', 0, 15 * S, 24 * H],
    ['', 45000, 15 * S, 45 * S],
    ['', 45200, 15 * S, 45200],
    ['', 0, 15 * S, 15 * S],
    ['', 0, 15 * S, 15 * S],
  ] as const)('%j, intervalMs %d', (queryInterval, intervalMs, def, expected) => {
    // Grafana passes the query interval first and no data source interval in this test.
    expect(minIntervalFrom('', queryInterval, intervalMs, def)).toBe(expected);
  });
});

// gtime_test.go, TestParseIntervalStringToTimeDuration (the cases whose units Prometheus
// shares; `1M`, `1y` and `5y` differ on purpose: docs/GRAFANA-COMPATIBILITY.md)
describe('parseInterval (gtime_test.go TestParseIntervalStringToTimeDuration)', () => {
  it.each([
    ['1s', S],
    ['1m', M],
    ['1h', H],
    ['1d', 24 * H],
    ['1w', 7 * 24 * H],
    ['2w', 14 * 24 * H],
    ['10', 10 * S],
    ['<10s>', 10 * S],
    ['10s>', 10 * S],
    ['<10s', 10 * S],
  ] as const)('%s', (text, ms) => {
    expect(parseInterval(text)).toBe(ms);
  });

  it('refuses what is not a duration', () => {
    expect(parseInterval('invalid-duration')).toBeNull();
  });
});

/** Grafana's queryContext/mockQuery: a query whose DataQuery.Interval is `queryIntervalMs`. */
const req = (over: Partial<StepRequest>): StepRequest => ({
  rangeMs: H,
  maxDataPoints: 0,
  intervalMs: 0,
  queryIntervalMs: M,
  intervalFactor: 1,
  scrapeInterval: '15s',
  ...over,
});

/** Parse() of query.go: the step, and the expression with its built-ins filled in. */
function parse(r: StepRequest, expr = '') {
  const { stepMs, rateIntervalMs } = grafanaStep(r);
  return {
    step: stepMs,
    expr: interpolateBuiltins(expr, { intervalMs: stepMs, rateIntervalMs, rangeMs: r.rangeMs }),
  };
}

// grafana/grafana pkg/promlib/models/query_test.go, TestParse: the step cases
describe('grafanaStep (query_test.go TestParse)', () => {
  it.each([
    ['with step', { rangeMs: 12 * H, intervalFactor: 0 }, 30 * S],
    ['without step parameter', { rangeMs: H }, 15 * S],
    ['with high intervalFactor', { rangeMs: 48 * H, intervalFactor: 10 }, 20 * M],
    ['with low intervalFactor', { rangeMs: 48 * H }, 2 * M],
    [
      'specified scrape-interval in the data source',
      { rangeMs: 48 * H, scrapeInterval: '240s' },
      4 * M,
    ],
  ] as const)('parsing query model %s', (_, over, step) => {
    expect(parse(req(over)).step).toBe(step);
  });
});

// query_test.go, TestParse: the built-ins in the expression
const ALERTS = (range: string) => `rate(ALERTS{job="test" [${range}]})`;
describe('built-ins in the expression (query_test.go TestParse)', () => {
  const twoDays = { rangeMs: 48 * H, intervalMs: 60_000 };
  it.each([
    ['$__interval', twoDays, ALERTS('$__interval'), ALERTS('2m'), 2 * M],
    ['${__interval}', { ...twoDays, minStep: '1m' }, ALERTS('${__interval}'), ALERTS('2m'), 2 * M],
    ['$__interval_s', twoDays, ALERTS('$__interval_s'), ALERTS('120'), 2 * M],
    [
      '$__interval_s and $__interval',
      twoDays,
      `${ALERTS('$__interval_s')} + ${ALERTS('$__interval')}`,
      `${ALERTS('120')} + ${ALERTS('2m')}`,
      2 * M,
    ],
    [
      '${__interval_s} and ${__interval}',
      twoDays,
      `${ALERTS('${__interval_s}')} + ${ALERTS('${__interval}')}`,
      `${ALERTS('120')} + ${ALERTS('2m')}`,
      2 * M,
    ],
    ['$__interval_ms', twoDays, ALERTS('$__interval_ms'), ALERTS('120000'), 2 * M],
    [
      '$__interval_ms and $__interval',
      twoDays,
      `${ALERTS('$__interval_ms')} + ${ALERTS('$__interval')}`,
      `${ALERTS('120000')} + ${ALERTS('2m')}`,
      2 * M,
    ],
    [
      '${__interval_ms} and ${__interval}',
      twoDays,
      `${ALERTS('${__interval_ms}')} + ${ALERTS('${__interval}')}`,
      `${ALERTS('120000')} + ${ALERTS('2m')}`,
      2 * M,
    ],
  ] as const)('%s', (_, over, expr, want, step) => {
    const got = parse(req(over), expr);
    expect(got.expr).toBe(want);
    expect(got.step).toBe(step);
  });

  it.each([
    ['$__range', 48 * H, ALERTS('$__range'), ALERTS('172800s')],
    ['$__range_s', 48 * H, ALERTS('$__range_s'), ALERTS('172800')],
    ['${__range_s}', 48 * H, ALERTS('${__range_s}s'), ALERTS('172800s')],
    ['$__range_s below 0.5s', 40, ALERTS('$__range_s'), ALERTS('0')],
    ['$__range_s between 1-0.5s', 800, ALERTS('$__range_s'), ALERTS('1')],
    ['$__range_ms', 48 * H, ALERTS('$__range_ms'), ALERTS('172800000')],
    ['$__range_ms below 1s', 20, ALERTS('$__range_ms'), ALERTS('20')],
  ] as const)('%s', (_, rangeMs, expr, want) => {
    expect(parse(req({ rangeMs }), expr).expr).toBe(want);
  });

  it.each([
    [
      '$__rate_interval',
      { rangeMs: 5 * M, minStep: '5m' },
      ALERTS('$__rate_interval'),
      ALERTS('20m0s'),
      undefined,
    ],
    [
      '$__rate_interval in expr and interval',
      { rangeMs: 5 * M, minStep: '$__rate_interval' },
      ALERTS('$__rate_interval'),
      ALERTS('1m0s'),
      M,
    ],
    [
      '$__rate_interval_s',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      ALERTS('$__rate_interval_s'),
      ALERTS('135'),
      undefined,
    ],
    [
      '$__rate_interval_s and $__rate_interval',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      `${ALERTS('$__rate_interval_s')} + ${ALERTS('$__rate_interval')}`,
      `${ALERTS('135')} + ${ALERTS('2m15s')}`,
      undefined,
    ],
    [
      '${__rate_interval_s} and ${__rate_interval}',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      `${ALERTS('${__rate_interval_s}')} + ${ALERTS('${__rate_interval}')}`,
      `${ALERTS('135')} + ${ALERTS('2m15s')}`,
      undefined,
    ],
    [
      '$__rate_interval_ms',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      ALERTS('$__rate_interval_ms'),
      ALERTS('135000'),
      undefined,
    ],
    [
      '$__rate_interval_ms and $__rate_interval',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      `${ALERTS('$__rate_interval_ms')} + ${ALERTS('$__rate_interval')}`,
      `${ALERTS('135000')} + ${ALERTS('2m15s')}`,
      undefined,
    ],
    [
      '${__rate_interval_ms} and ${__rate_interval}',
      { rangeMs: 48 * H, queryIntervalMs: 2 * M },
      `${ALERTS('${__rate_interval_ms}')} + ${ALERTS('${__rate_interval}')}`,
      `${ALERTS('135000')} + ${ALERTS('2m15s')}`,
      undefined,
    ],
  ] as const)('%s', (_, over, expr, want, step) => {
    const got = parse(req(over), expr);
    expect(got.expr).toBe(want);
    if (step !== undefined) expect(got.step).toBe(step);
  });
});

// query_test.go, TestRateInterval (mockQuery: DataQuery.Interval = intervalMs, max data
// points 12384, one hour unless said)
describe('$__rate_interval and the step (query_test.go TestRateInterval)', () => {
  const rate = 'rate(rpc_durations_seconds_count[$__rate_interval])';
  it.each([
    [
      'intervalMs 100s, minStep override 150s and scrape interval 30s',
      '150s',
      100_000,
      '30s',
      H,
      '10m0s',
      150 * S,
    ],
    [
      'intervalMs 120s, minStep override 150s and ds scrape interval 30s',
      '150s',
      120_000,
      '30s',
      H,
      '10m0s',
      150 * S,
    ],
    [
      'intervalMs 120s, minStep auto (interval not overridden) and ds scrape interval 30s',
      '120s',
      120_000,
      '30s',
      H,
      '8m0s',
      120 * S,
    ],
    [
      'interval and minStep are automatically calculated and ds scrape interval 30s and time range 1 hour',
      '30s',
      30_000,
      '30s',
      H,
      '2m0s',
      30 * S,
    ],
    [
      'minStep is $__rate_interval and ds scrape interval 30s and time range 1 hour',
      '$__rate_interval',
      30_000,
      '30s',
      H,
      '2m0s',
      2 * M,
    ],
    [
      'minStep is $__rate_interval and ds scrape interval 30s and time range 2 days',
      '$__rate_interval',
      120_000,
      '30s',
      48 * H,
      '2m30s',
      150 * S,
    ],
    [
      'minStep is $__rate_interval and ds scrape interval 15s and time range 2 days',
      '$__interval',
      120_000,
      '15s',
      48 * H,
      '8m0s',
      120 * S,
    ],
  ] as const)('%s', (_, minStep, intervalMs, scrapeInterval, rangeMs, window, step) => {
    const got = parse(
      {
        rangeMs,
        maxDataPoints: 12384,
        intervalMs,
        queryIntervalMs: intervalMs,
        minStep,
        intervalFactor: 1,
        scrapeInterval,
      },
      rate,
    );
    expect(got.expr).toBe(`rate(rpc_durations_seconds_count[${window}])`);
    expect(got.step).toBe(step);
  });

  it('minStep is auto and ds scrape interval 30s and time range 1 hour', () => {
    const got = parse(
      {
        rangeMs: H,
        maxDataPoints: 1613,
        intervalMs: 30_000,
        queryIntervalMs: 30_000,
        minStep: '',
        scrapeInterval: '30s',
      },
      'sum(rate(process_cpu_seconds_total[$__rate_interval]))',
    );
    expect(got.expr).toBe('sum(rate(process_cpu_seconds_total[2m0s]))');
    expect(got.step).toBe(30 * S);
  });

  it('minStep is auto and ds scrape interval 15s and time range 5 minutes', () => {
    const got = parse(
      {
        rangeMs: 5 * M,
        maxDataPoints: 1055,
        intervalMs: 15_000,
        queryIntervalMs: 15_000,
        minStep: '',
        scrapeInterval: '15s',
      },
      'sum(rate(cache_requests_total[$__rate_interval]))',
    );
    expect(got.expr).toBe('sum(rate(cache_requests_total[1m0s]))');
    expect(got.step).toBe(15 * S);
  });
});

// query_test.go, TestAlignTimeRange: (t, step, offset) → t floored in the offset's zone (ms)
describe('alignTime (query_test.go TestAlignTimeRange)', () => {
  const monday = 1704672000 * S;
  const thursday = 1704326400 * S;
  it.each([
    ['second step', 1664816826 * S, 10 * S, 0, 1664816820 * S],
    ['millisecond step', 1664816825 * S + 5, 10, 0, 1664816825 * S],
    ['second step with offset', 1664816825 * S + 5, 2 * S, -3, 1664816825 * S],
    [
      '1w step with range date of Monday that changes the range to a Thursday.',
      monday,
      604800 * S,
      0,
      thursday,
    ],
  ] as const)('%s', (_, t, step, offset, want) => {
    expect(alignTime(t, step, offset)).toBe(want);
  });
});
