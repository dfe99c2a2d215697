// Grafana's time range grammar (`now-6h`, `now/d`, epoch ms, ISO dates):
// https://grafana.com/docs/grafana/latest/dashboards/use-dashboards/#time-units-and-relative-ranges
// Calendar units (d w M y) and rounding use local time, as Grafana does in the browser.

import { addUnits, type CalendarUnit, endOf, isCalendarUnit, startOf } from './calendar.ts';
import { parseIsoDate } from './iso-date.ts';
import { formatTimestamp } from './time-format.ts';

export interface RawRange {
  from: string;
  to: string;
}

export interface QuickRange extends RawRange {
  label: string;
}

export const QUICK_RANGES: readonly QuickRange[] = [
  { from: 'now-5m', to: 'now', label: 'Last 5 minutes' },
  { from: 'now-15m', to: 'now', label: 'Last 15 minutes' },
  { from: 'now-1h', to: 'now', label: 'Last 1 hour' },
  { from: 'now-6h', to: 'now', label: 'Last 6 hours' },
  { from: 'now-24h', to: 'now', label: 'Last 24 hours' },
  { from: 'now-7d', to: 'now', label: 'Last 7 days' },
];

// Largest time a JS Date can hold, ±100,000,000 days around 1970 (in ms):
// https://tc39.es/ecma262/#sec-time-values-and-time-range
const MAX_TIME = 8.64e15;

/**
 * Resolves one side of a range to ms. `roundUp` rounds `/unit` to the last ms of the unit
 * instead of its first, which is what Grafana does for `to` so `now/d`..`now/d` is today.
 */
export function parseTimeExpr(expr: string, now: number, roundUp: boolean): number | null {
  const text = expr.trim();
  if (text.startsWith('now')) return applyMath(text.slice(3), now, roundUp);
  if (/^\d+$/.test(text)) return inDateRange(Number(text)); // epoch ms, as in Grafana URLs
  return parseIsoDate(text);
}

// One step of date math: `/d` (round), `+1h`, `-2d`, `-M` (amount defaults to 1).
const STEP_RE = /^([/+-])(\d*)([smhdwMy])/;

function applyMath(math: string, now: number, roundUp: boolean): number | null {
  let rest = math.replace(/\s+/g, ''); // Grafana ignores whitespace: `now - 5m`
  let t = now;
  while (rest !== '') {
    const step = STEP_RE.exec(rest);
    if (step === null) return null;
    const [whole, op, digits, unit] = step;
    if (!isCalendarUnit(unit)) return null;
    const amount = digits === '' ? 1 : Number(digits);
    if (op === '/') {
      // Grafana only rounds to single whole units: `/d` or `/1d`, never `/2d`.
      if (amount !== 1) return null;
      t = roundUp ? endOf(t, unit) : startOf(t, unit);
    } else {
      t = addUnits(t, op === '-' ? -amount : amount, unit);
    }
    rest = rest.slice(whole.length);
  }
  return inDateRange(t);
}

// Date setters turn overflow into NaN, but fixed-unit math (`now+99999999999h`) does not.
function inDateRange(t: number): number | null {
  return Math.abs(t) <= MAX_TIME ? t : null;
}

/** Both sides resolved to ms, or a message fit for the time picker. */
export function resolveRange(
  raw: RawRange,
  now: number,
): { start: number; end: number } | { error: string } {
  const start = parseTimeExpr(raw.from, now, false);
  if (start === null) return { error: `Invalid "from" time: ${raw.from}` };
  const end = parseTimeExpr(raw.to, now, true);
  if (end === null) return { error: `Invalid "to" time: ${raw.to}` };
  if (start >= end) return { error: '"from" must be before "to"' };
  return { start, end };
}

const UNIT_WORDS: Record<CalendarUnit, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  M: 'month',
  y: 'year',
};

/** `Last 6 hours` for relative ranges ending now, `from to to` for anything else. */
export function describeRange(raw: RawRange): string {
  const from = raw.from.trim();
  const to = raw.to.trim();
  const quick = QUICK_RANGES.find((q) => q.from === from && q.to === to);
  if (quick !== undefined) return quick.label;
  const last = /^now-([1-9]\d*)([smhdwMy])$/.exec(from);
  if (last !== null && to === 'now') {
    const [, amount, unit] = last;
    if (isCalendarUnit(unit)) {
      return `Last ${amount} ${UNIT_WORDS[unit]}${amount === '1' ? '' : 's'}`;
    }
  }
  return `${side(raw.from)} to ${side(raw.to)}`;
}

/** Epoch milliseconds (what a drag-zoom writes) read as a local date and time. */
function side(text: string): string {
  const t = text.trim();
  if (!/^\d{10,}$/.test(t)) return text;
  return formatTimestamp(Number(t));
}

/** True when the range follows the clock, so live refresh should move it. */
export function isRelativeToNow(raw: RawRange): boolean {
  return raw.to.trim() === 'now';
}
