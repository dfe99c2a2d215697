// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Grafana's ${name} syntax is what these strings match
// Step, $__interval and $__rate_interval exactly as Grafana computes them for a Prometheus
// query (pure, all in ms), so a dashboard asks Prometheus the same question here as in Grafana:
// - the frontend picks the request's interval from the range over the panel's max data points,
//   rounded to a "nice" value and never below the panel's min interval or else the scrape
//   interval (Grafana's rangeutil.calculateInterval);
// - the backend turns that and the query's own min step into the step, keeps it within 11,000
//   points, multiplies it by intervalFactor, and derives $__rate_interval
//   (grafana/grafana pkg/promlib/models/query.go, calculatePrometheusInterval and
//   InterpolateVariables; pkg/promlib/intervalv2/intervalv2.go);
// - the rounding and the duration texts are grafana-plugin-sdk-go's backend/gtime.
// The tables in prom-interval.test.ts are Grafana's own test cases.
import { parseDuration } from './duration.ts';

/** Grafana's data source default when no scrape interval is configured. */
export const DEFAULT_SCRAPE_MS = 15_000;
/** Grafana's intervalv2.DefaultRes: max data points when a query names none. */
const DEFAULT_RESOLUTION = 1500;
/** Points per series Grafana keeps a range query under (Prometheus refuses more than 11,000). */
const SAFE_RESOLUTION = 11_000;

// gtime.RoundInterval: [at most this, nice value], in ms; above the last, a year.
const NICE: readonly (readonly [number, number])[] = [
  [10, 1],
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1_500, 1_000],
  [3_500, 2_000],
  [7_500, 5_000],
  [12_500, 10_000],
  [17_500, 15_000],
  [25_000, 20_000],
  [45_000, 30_000],
  [90_000, 60_000],
  [210_000, 120_000],
  [450_000, 300_000],
  [750_000, 600_000],
  [1_050_000, 900_000],
  [1_500_000, 1_200_000],
  [2_700_000, 1_800_000],
  [5_400_000, 3_600_000],
  [9_000_000, 7_200_000],
  [16_200_000, 10_800_000],
  [32_400_000, 21_600_000],
  [86_400_000, 43_200_000],
  [172_800_000, 86_400_000],
  [604_800_000, 86_400_000],
  [1_814_400_000, 604_800_000],
];

/** gtime.RoundInterval: a lower, rounder interval than the one given (ms). */
export function roundInterval(ms: number): number {
  for (const [atMost, nice] of NICE) if (ms <= atMost) return nice;
  // The last band is open at its top: under 42 days, 30 days.
  return ms < 3_628_800_000 ? 2_592_000_000 : 31_536_000_000;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** gtime.FormatInterval, the text of $__interval: the largest whole unit, `1m` for 61 s. */
export function formatInterval(ms: number): string {
  const units: [number, string][] = [
    [YEAR, 'y'],
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
    [1, 'ms'],
  ];
  for (const [size, suffix] of units) if (ms >= size) return `${Math.floor(ms / size)}${suffix}`;
  return '1ms';
}

/** Go's time.Duration.String(), the text of $__rate_interval: `2m15s`, `1m0s`, `1h0m0s`. */
export function goDuration(ms: number): string {
  const whole = Math.round(ms);
  if (whole === 0) return '0s';
  if (whole < 0) return `-${goDuration(-whole)}`;
  if (whole < SECOND) return `${whole}ms`;
  const h = Math.floor(whole / HOUR);
  const m = Math.floor((whole % HOUR) / MINUTE);
  const s = `${(whole % MINUTE) / SECOND}s`; // 1.5s, as Go prints fractions of a second
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}

/**
 * gtime.ParseIntervalStringToTimeDuration (ms): a duration such as `1m30s` or `1d`, a bare
 * number of seconds, with Grafana's old `<` and `>` marks ignored; null when it is not one.
 */
export function parseInterval(text: string): number | null {
  const t = text.replace('<', '').replace('>', '').trim();
  if (t === '') return null;
  return parseDuration(t);
}

// A query's min step written as a built-in: the step is then computed, not read from it.
const VARIABLE_INTERVALS = new Set(
  ['__interval', '__interval_ms', '__rate_interval', '__rate_interval_ms'].flatMap((n) => [
    `$${n}`,
    `\${${n}}`,
  ]),
);
const isRateInterval = (s: string) => s === '$__rate_interval' || s === '${__rate_interval}';
const isInterval = (s: string) => s === '$__interval' || s === '${__interval}';

/** Grafana's frontend: the request's interval (ms), before the backend's step. */
export function requestInterval(
  rangeMs: number,
  maxDataPoints: number,
  /** The panel's min interval, or else the data source's scrape interval (ms). */
  lowLimitMs: number,
): number {
  const resolution = maxDataPoints > 0 ? maxDataPoints : DEFAULT_RESOLUTION;
  return Math.max(roundInterval(rangeMs / resolution), lowLimitMs);
}

/** What Grafana's backend receives for one query (its DataQuery and query JSON). */
export interface StepRequest {
  rangeMs: number;
  /** The query's max data points; 0 for Grafana's default of 1500. */
  maxDataPoints: number;
  /** `intervalMs` of the query JSON (the frontend's interval); 0 when absent. */
  intervalMs: number;
  /** The DataQuery's Interval (the frontend's interval too, in a real request). */
  queryIntervalMs: number;
  /** The query's own min step (`interval` in its JSON), as written. */
  minStep?: string;
  intervalFactor?: number;
  /** The data source's scrape interval as configured; empty for none. */
  scrapeInterval: string;
}

export interface StepPlan {
  stepMs: number;
  /** What $__rate_interval stands for in the expression. */
  rateIntervalMs: number;
}

/**
 * gtime.GetIntervalFrom (ms): the query's min step when written, else the frontend's interval,
 * else the data source's scrape interval, else the default.
 */
export function minIntervalFrom(
  scrapeInterval: string,
  minStep: string,
  intervalMs: number,
  defaultMs: number,
): number {
  const written = minStep === '0s' ? '' : minStep;
  if (written === '' && intervalMs !== 0) return intervalMs;
  const text = written !== '' ? written : scrapeInterval;
  if (text === '') return defaultMs;
  return parseInterval(text) ?? 0;
}

/** Grafana's backend: the step sent to Prometheus and $__rate_interval, for one query. */
export function grafanaStep(req: StepRequest): StepPlan {
  const written = (req.minStep ?? '').trim();
  const minStep = VARIABLE_INTERVALS.has(written) || written === '0s' ? '' : written;
  const scrapeMs = parseInterval(req.scrapeInterval) ?? 0;
  const minInterval = minIntervalFrom(
    req.scrapeInterval,
    minStep,
    req.intervalMs,
    DEFAULT_SCRAPE_MS,
  );
  const resolution = req.maxDataPoints > 0 ? req.maxDataPoints : DEFAULT_RESOLUTION;
  const perPoint = req.rangeMs / resolution;
  const calculated = perPoint < minInterval ? minInterval : roundInterval(perPoint);
  const safe = roundInterval(req.rangeMs / SAFE_RESOLUTION);
  const adjusted = Math.max(calculated, safe);
  const rateScrape = scrapeMs > 0 ? scrapeMs : DEFAULT_SCRAPE_MS;
  if (isRateInterval(written)) {
    // The step is itself a rate interval; $__rate_interval is then that step.
    const stepMs = Math.max(adjusted + rateScrape, 4 * rateScrape);
    return { stepMs, rateIntervalMs: stepMs };
  }
  const stepMs = adjusted * (req.intervalFactor && req.intervalFactor > 0 ? req.intervalFactor : 1);
  // $__rate_interval covers four of the query's min step when one is written (the step itself
  // for $__interval), else four scrapes, and never less than the interval plus one of them.
  const base = isInterval(written)
    ? stepMs
    : written !== ''
      ? (parseInterval(written) ?? rateScrape)
      : rateScrape;
  return { stepMs, rateIntervalMs: Math.max(req.queryIntervalMs + base, 4 * base) };
}

/**
 * Grafana's AlignTimeRange: t (ms) floored to a multiple of the step in the dashboard's time
 * zone, `offsetS` seconds east of UTC (a 1-day step starts at local midnight).
 */
export function alignTime(tMs: number, stepMs: number, offsetS: number): number {
  const offsetMs = offsetS * 1000;
  return Math.floor((tMs + offsetMs) / stepMs) * stepMs - offsetMs;
}
