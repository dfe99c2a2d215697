// Grafana's time range grammar (`now-6h`, `now/d`, epoch ms, ISO dates):
// https://grafana.com/docs/grafana/latest/dashboards/use-dashboards/#time-units-and-relative-ranges
// Calendar units (d w M Q y), rounding and dates without an offset are read in the dashboard's
// time zone (`timezone`: the browser's, `utc` or an IANA name), with its `weekStart` and
// `fiscalYearStartMonth`, as Grafana's datemath.ts does.

import {
  addUnits,
  type CalendarOptions,
  endOf,
  isCalendarUnit,
  roundToFiscal,
  startOf,
} from './calendar.ts';
import { parseIsoDate } from './iso-date.ts';
import { formatTimestamp, fromNow } from './time-format.ts';
import type { TimeZone } from './zone.ts';

export interface RawRange {
  from: string;
  to: string;
}

export interface QuickRange extends RawRange {
  label: string;
}

/**
 * The ranges Grafana's time picker offers, in its order and words (grafana-ui's
 * DateTimePickers/options.ts). A dashboard's `timepicker.quick_ranges` replaces them.
 */
export const QUICK_RANGES: readonly QuickRange[] = [
  { from: 'now-5m', to: 'now', label: 'Last 5 minutes' },
  { from: 'now-15m', to: 'now', label: 'Last 15 minutes' },
  { from: 'now-30m', to: 'now', label: 'Last 30 minutes' },
  { from: 'now-1h', to: 'now', label: 'Last 1 hour' },
  { from: 'now-3h', to: 'now', label: 'Last 3 hours' },
  { from: 'now-6h', to: 'now', label: 'Last 6 hours' },
  { from: 'now-12h', to: 'now', label: 'Last 12 hours' },
  { from: 'now-24h', to: 'now', label: 'Last 24 hours' },
  { from: 'now-2d', to: 'now', label: 'Last 2 days' },
  { from: 'now-7d', to: 'now', label: 'Last 7 days' },
  { from: 'now-30d', to: 'now', label: 'Last 30 days' },
  { from: 'now-90d', to: 'now', label: 'Last 90 days' },
  { from: 'now-6M', to: 'now', label: 'Last 6 months' },
  { from: 'now-1y', to: 'now', label: 'Last 1 year' },
  { from: 'now-2y', to: 'now', label: 'Last 2 years' },
  { from: 'now-5y', to: 'now', label: 'Last 5 years' },
  { from: 'now-1d/d', to: 'now-1d/d', label: 'Yesterday' },
  { from: 'now-2d/d', to: 'now-2d/d', label: 'Day before yesterday' },
  { from: 'now-7d/d', to: 'now-7d/d', label: 'This day last week' },
  { from: 'now-1w/w', to: 'now-1w/w', label: 'Previous week' },
  { from: 'now-1M/M', to: 'now-1M/M', label: 'Previous month' },
  { from: 'now-1Q/fQ', to: 'now-1Q/fQ', label: 'Previous fiscal quarter' },
  { from: 'now-1y/y', to: 'now-1y/y', label: 'Previous year' },
  { from: 'now-1y/fy', to: 'now-1y/fy', label: 'Previous fiscal year' },
  { from: 'now/d', to: 'now/d', label: 'Today' },
  { from: 'now/d', to: 'now', label: 'Today so far' },
  { from: 'now/w', to: 'now/w', label: 'This week' },
  { from: 'now/w', to: 'now', label: 'This week so far' },
  { from: 'now/M', to: 'now/M', label: 'This month' },
  { from: 'now/M', to: 'now', label: 'This month so far' },
  { from: 'now/y', to: 'now/y', label: 'This year' },
  { from: 'now/y', to: 'now', label: 'This year so far' },
  { from: 'now/fQ', to: 'now', label: 'This fiscal quarter so far' },
  { from: 'now/fQ', to: 'now/fQ', label: 'This fiscal quarter' },
  { from: 'now/fy', to: 'now', label: 'This fiscal year so far' },
  { from: 'now/fy', to: 'now/fy', label: 'This fiscal year' },
];

/** Ranges Grafana names but does not offer in the picker (rangeutil.ts HIDDEN_RANGE_OPTIONS). */
const NEXT_RANGES: readonly QuickRange[] = [
  { from: 'now', to: 'now+1m', label: 'Next minute' },
  { from: 'now', to: 'now+5m', label: 'Next 5 minutes' },
  { from: 'now', to: 'now+15m', label: 'Next 15 minutes' },
  { from: 'now', to: 'now+30m', label: 'Next 30 minutes' },
  { from: 'now', to: 'now+1h', label: 'Next hour' },
  { from: 'now', to: 'now+3h', label: 'Next 3 hours' },
  { from: 'now', to: 'now+6h', label: 'Next 6 hours' },
  { from: 'now', to: 'now+12h', label: 'Next 12 hours' },
  { from: 'now', to: 'now+24h', label: 'Next 24 hours' },
  { from: 'now', to: 'now+2d', label: 'Next 2 days' },
  { from: 'now', to: 'now+7d', label: 'Next 7 days' },
  { from: 'now', to: 'now+30d', label: 'Next 30 days' },
  { from: 'now', to: 'now+90d', label: 'Next 90 days' },
  { from: 'now', to: 'now+6M', label: 'Next 6 months' },
  { from: 'now', to: 'now+1y', label: 'Next year' },
  { from: 'now', to: 'now+2y', label: 'Next 2 years' },
  { from: 'now', to: 'now+5y', label: 'Next 5 years' },
];

/** Every range Grafana has a name for (rangeutil.ts STANDARD_RANGE_OPTIONS). */
const NAMED_RANGES: readonly QuickRange[] = [...QUICK_RANGES, ...NEXT_RANGES];

/**
 * A dashboard's `timepicker.quick_ranges` (`[{ display, from, to }]`) as quick ranges; entries
 * without a display, from and to are left out. Empty when there are none.
 */
export function readQuickRanges(timepicker: unknown): QuickRange[] {
  const list =
    typeof timepicker === 'object' && timepicker !== null
      ? (timepicker as { quick_ranges?: unknown }).quick_ranges
      : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return [];
    const { display, from, to } = r as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string' || !from.trim() || !to.trim()) return [];
    return [
      { from, to, label: typeof display === 'string' && display ? display : `${from} to ${to}` },
    ];
  });
}

// Largest time a JS Date can hold, ±100,000,000 days around 1970 (in ms):
// https://tc39.es/ecma262/#sec-time-values-and-time-range
const MAX_TIME = 8.64e15;

/**
 * Resolves one side of a range to ms, in the calendar of `opts` (the dashboard's zone, week
 * start and fiscal year). `roundUp` rounds `/unit` to the last ms of the unit instead of its
 * first, which is what Grafana does for `to` so `now/d`..`now/d` is today.
 */
export function parseTimeExpr(
  expr: string,
  now: number,
  roundUp: boolean,
  opts: CalendarOptions = {},
): number | null {
  const text = expr.trim();
  if (text.startsWith('now')) return applyDateMath(text.slice(3), now, roundUp, opts);
  // `2024-01-02T03:04:05Z||-1d/d`: date math from an ISO date, as Grafana's datemath allows.
  const anchor = text.indexOf('||');
  if (anchor !== -1) {
    const t = parseIsoDate(text.slice(0, anchor), opts.timezone);
    return t === null ? null : applyDateMath(text.slice(anchor + 2), t, roundUp, opts);
  }
  if (/^\d+$/.test(text)) return inDateRange(Number(text)); // epoch ms, as in Grafana URLs
  return parseIsoDate(text, opts.timezone);
}

// One step of date math: `/d` (round), `+1h`, `-2d`, `-M` (amount defaults to 1), `/fy` and
// `/fQ` (round to the fiscal year or quarter). `f` is read, and ignored, before any unit of a
// `+` or `-` too, as Grafana does (`now-1fy` is `now-1y`).
const STEP_RE = /^([/+-])(\d*)(f?)([smhdwMQy])/;

/**
 * Grafana's parseDateMath: the math after `now` (`-1d/d`, `+2h`…) applied to t, left to right;
 * null when it is not date math or leaves the range a Date can hold.
 */
export function applyDateMath(
  math: string,
  t: number,
  roundUp: boolean,
  opts: CalendarOptions = {},
): number | null {
  let rest = math.replace(/\s+/g, ''); // Grafana ignores whitespace: `now - 5m`
  let at = t;
  while (rest !== '') {
    const step = STEP_RE.exec(rest);
    if (step === null) return null;
    const [whole, op, digits, fiscal, unit] = step;
    if (!isCalendarUnit(unit)) return null;
    const amount = digits === '' ? 1 : Number(digits);
    if (op === '/') {
      // Grafana only rounds to single whole units: `/d` or `/1d`, never `/2d`.
      if (amount !== 1) return null;
      if (fiscal) at = roundToFiscal(at, unit, roundUp, opts);
      else at = roundUp ? endOf(at, unit, opts) : startOf(at, unit, opts);
    } else {
      at = addUnits(at, op === '-' ? -amount : amount, unit, opts.timezone);
    }
    if (!Number.isFinite(at)) return null;
    rest = rest.slice(whole.length);
  }
  return inDateRange(at);
}

// Date setters turn overflow into NaN, but fixed-unit math (`now+99999999999h`) does not.
function inDateRange(t: number): number | null {
  return Math.abs(t) <= MAX_TIME ? t : null;
}

/** Both sides resolved to ms, or a message fit for the time picker. */
export function resolveRange(
  raw: RawRange,
  now: number,
  opts: CalendarOptions = {},
): { start: number; end: number } | { error: string } {
  const start = parseTimeExpr(raw.from, now, false, opts);
  if (start === null) return { error: `Invalid "from" time: ${raw.from}` };
  const end = parseTimeExpr(raw.to, now, true, opts);
  if (end === null) return { error: `Invalid "to" time: ${raw.to}` };
  if (start >= end) return { error: '"from" must be before "to"' };
  return { start, end };
}

const UNIT_WORDS: Record<string, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  y: 'year',
};

/**
 * Grafana's describeTextRange: `5m`, `now-5m`, `+5m` or `now+5m` in words, as a range ending
 * (or, with `+`, starting) now: "Last 5 minutes", "Next 5 minutes", a named range's name, or
 * `from to to` marked invalid when it is none of these.
 */
export function describeTextRange(text: string): QuickRange & { invalid?: boolean } {
  const isLast = !text.startsWith('+');
  const expr = text.includes('now') ? text : `${isLast ? 'now-' : 'now'}${text}`;
  const named = NAMED_RANGES.find((r) => r.from === expr && r.to === 'now');
  if (named !== undefined) return named;
  const range = isLast ? { from: expr, to: 'now' } : { from: 'now', to: expr };
  const parts = /^now([-+])(\d+)(\w)/.exec(expr);
  const word = parts ? UNIT_WORDS[parts[3]!] : undefined;
  if (parts && word !== undefined) {
    const amount = Number.parseInt(parts[2]!, 10);
    return {
      ...range,
      label: `${isLast ? 'Last' : 'Next'} ${amount} ${word}${amount > 1 ? 's' : ''}`,
    };
  }
  return { ...range, label: `${range.from} to ${range.to}`, invalid: true };
}

export interface DescribeOptions extends CalendarOptions {
  /** The dashboard's `timepicker.quick_ranges`: their names come first. */
  quickRanges?: readonly QuickRange[];
  /** For an absolute side against a relative one ("… to a few seconds ago"). */
  now?: number;
}

/**
 * Grafana's describeTimeRange: a named range's name (the dashboard's own quick ranges first),
 * absolute times as `YYYY-MM-DD HH:mm:ss` in the dashboard's zone, a relative side beside an
 * absolute one as "an hour ago", and `now-3h` to now as "Last 3 hours".
 */
export function describeRange(raw: RawRange, opts: DescribeOptions = {}): string {
  const from = raw.from.trim();
  const to = raw.to.trim();
  const same = (r: QuickRange) => r.from === from && r.to === to;
  const named = opts.quickRanges?.find(same) ?? NAMED_RANGES.find(same);
  if (named !== undefined) return named.label;
  const zone = opts.timezone;
  const absFrom = absolute(from, zone);
  const absTo = absolute(to, zone);
  const now = opts.now ?? Date.now();
  // Grafana reads the relative side in UTC here; only "how long ago" is shown, so it is the same.
  const ago = (text: string, roundUp: boolean) => {
    const t = parseTimeExpr(text, now, roundUp, opts);
    return t === null ? 'Invalid date' : fromNow(t, now);
  };
  if (absFrom !== null && absTo !== null) return `${stamp(absFrom, zone)} to ${stamp(absTo, zone)}`;
  if (absFrom !== null) return `${stamp(absFrom, zone)} to ${ago(to, true)}`;
  if (absTo !== null) return `${ago(from, false)} to ${stamp(absTo, zone)}`;
  if (to === 'now') return describeTextRange(from).label;
  return `${raw.from} to ${raw.to}`;
}

/** An absolute side (epoch ms, as a drag-zoom writes, or an ISO date) in ms; null if relative. */
function absolute(text: string, zone: TimeZone): number | null {
  if (text.startsWith('now') || text.includes('||')) return null;
  if (/^\d+$/.test(text)) return inDateRange(Number(text));
  return parseIsoDate(text, zone);
}

const stamp = (ms: number, zone: TimeZone) => formatTimestamp(ms, zone);

/** True when the range follows the clock, so live refresh should move it. */
export function isRelativeToNow(raw: RawRange): boolean {
  return raw.to.trim() === 'now';
}
