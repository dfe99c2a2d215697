// Prometheus duration strings, the syntax PromQL range selectors and `step` accept:
// https://prometheus.io/docs/prometheus/latest/querying/basics/#float-literals-and-time-durations

const SECOND = 1000; // ms
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const YEAR = 365 * DAY; // Prometheus ignores leap years

// Units must appear largest first and at most once, as in Prometheus' model.ParseDuration:
// https://github.com/prometheus/common/blob/main/model/time.go
const UNITS: readonly (readonly [suffix: string, ms: number])[] = [
  ['y', YEAR],
  ['w', WEEK],
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
  ['ms', 1],
];

const DURATION_RE =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

// Bare numbers are seconds, as the HTTP API's `step` parameter accepts them.
const SECONDS_RE = /^\d+(?:\.\d+)?$/;

/** Parses `1h30m`, `500ms`, `2d`, `15` (seconds) into ms; null when it is not a duration. */
export function parseDuration(s: string): number | null {
  const text = s.trim();
  if (SECONDS_RE.test(text)) return Number(text) * SECOND;
  const match = DURATION_RE.exec(text);
  // The regex matches the empty string, which is not a duration.
  if (match === null || text === '') return null;
  let ms = 0;
  UNITS.forEach(([, unitMs], i) => {
    const amount = match[i + 1];
    if (amount !== undefined) ms += Number(amount) * unitMs;
  });
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Formats ms the way Prometheus prints a duration: largest units first, `0s` for zero.
 * Years and weeks are used only when they divide the whole duration (8d stays `8d`,
 * not `1w1d`), exactly like model.Duration.String().
 */
export function formatDuration(ms: number): string {
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return '0s';
  let out = ms < 0 ? '-' : '';
  for (const [suffix, unitMs] of UNITS) {
    const wholeOnly = suffix === 'y' || suffix === 'w';
    if (wholeOnly && rest % unitMs !== 0) continue;
    const amount = Math.floor(rest / unitMs);
    if (amount > 0) {
      out += `${amount}${suffix}`;
      rest -= amount * unitMs;
    }
  }
  return out;
}

// Grafana's interval words (rangeutil.ts intervals_in_seconds), where a month is 30 days.
const INTERVAL_SECONDS: Record<string, number> = {
  y: 31_536_000,
  M: 2_592_000,
  w: 604_800,
  d: 86_400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

export interface IntervalParts {
  /** Seconds in one unit. */
  sec: number;
  type: string;
  count: number;
}

/**
 * Grafana's describeInterval: one count and unit, `-50ms` and `1M` included (Prometheus
 * durations have neither), a bare number being seconds; null where Grafana throws. As in
 * Grafana, only the start is read: `1h30m` is 1 hour, and the count is truncated (`1.5h`, 1).
 */
export function describeInterval(text: string): IntervalParts | null {
  if (Number(text)) return { sec: 1, type: 's', count: Number.parseInt(text, 10) };
  const m = /^(-?\d+(?:\.\d+)?)(ms|[Mwdhmsy])/.exec(text);
  if (m === null) return null;
  return { sec: INTERVAL_SECONDS[m[2]!]!, type: m[2]!, count: Number.parseInt(m[1]!, 10) };
}
