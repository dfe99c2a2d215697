// Durations as Grafana's time units show them: one scale picked by the size of the value
// (ns … year), spelled-out durations ("1 day, 12 hours"), clock faces (hh:mm:ss, "59m:59s").
// https://github.com/grafana/grafana/blob/main/packages/grafana-data/src/valueFormats/dateTimeFormatters.ts
import { type Decimals, type Formatted, type Formatter, toFixed } from './unit-number.ts';

/** [upper bound (exclusive) in the input unit, divisor, suffix]; the last step has no bound. */
type Step = readonly [below: number, divisor: number, suffix: string];

function stepped(steps: readonly Step[]): Formatter {
  return (value, decimals) => {
    const size = Math.abs(value);
    const [, divisor, suffix] = steps.find(([below]) => size < below) ?? steps[steps.length - 1]!;
    return { text: toFixed(value / divisor, decimals), suffix };
  };
}

const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 604_800;

export const nanoseconds = stepped([
  [1e3, 1, ' ns'],
  [1e6, 1e3, ' µs'],
  [1e9, 1e6, ' ms'],
  [MIN * 1e9, 1e9, ' s'],
  [HOUR * 1e9, MIN * 1e9, ' min'],
  [DAY * 1e9, HOUR * 1e9, ' hour'],
  [Number.POSITIVE_INFINITY, DAY * 1e9, ' day'],
]);

export const microseconds = stepped([
  [1e3, 1, ' µs'],
  [1e6, 1e3, ' ms'],
  [Number.POSITIVE_INFINITY, 1e6, ' s'],
]);

export const milliseconds = stepped([
  [1e3, 1, ' ms'],
  [MIN * 1e3, 1e3, ' s'],
  [HOUR * 1e3, MIN * 1e3, ' min'],
  [DAY * 1e3, HOUR * 1e3, ' hour'],
  [365 * DAY * 1e3, DAY * 1e3, ' day'],
  [Number.POSITIVE_INFINITY, 365 * DAY * 1e3, ' year'],
]);

const secondsAbove = stepped([
  [MIN, 1, ' s'],
  [HOUR, MIN, ' min'],
  [DAY, HOUR, ' hour'],
  [WEEK, DAY, ' day'],
  [365 * DAY, WEEK, ' week'],
  // Grafana's year here is the tropical year (365.2422 days), unlike `ms` and `h`.
  [Number.POSITIVE_INFINITY, 3.15569e7, ' year'],
]);

/** Seconds: below one the sub-second scale that keeps the number ≥ 1; 0 stays "0 s". */
export const seconds: Formatter = (value, decimals) => {
  if (value === 0) return { text: '0', suffix: ' s' };
  const size = Math.abs(value);
  if (size < 1e-6) return { text: toFixed(value * 1e9, decimals), suffix: ' ns' };
  if (size < 1e-3) return { text: toFixed(value * 1e6, decimals), suffix: ' µs' };
  if (size < 1) return { text: toFixed(value * 1e3, decimals), suffix: ' ms' };
  return secondsAbove(value, decimals);
};

export const minutes = stepped([
  [MIN, 1, ' min'],
  [1440, MIN, ' hour'],
  [10_080, 1440, ' day'],
  [WEEK, 10_080, ' week'],
  [Number.POSITIVE_INFINITY, 5.25948e5, ' year'],
]);

export const hours = stepped([
  [24, 1, ' hour'],
  [168, 24, ' day'],
  [8760, 168, ' week'],
  [Number.POSITIVE_INFINITY, 8760, ' year'],
]);

export const days = stepped([
  [7, 1, ' day'],
  [365, 7, ' week'],
  [Number.POSITIVE_INFINITY, 365, ' year'],
]);

/** Timeticks are hundredths of a second (SNMP's sysUpTime). */
export const timeticks: Formatter = (value, decimals) => seconds(value / 100, decimals);

// Calendar words and their length in milliseconds (a month is 30 days, a year 365). Parts
// are shown down to milliseconds, however many decimals are asked for.
const PARTS: readonly (readonly [word: string, ms: number])[] = [
  ['year', 31_536_000_000],
  ['month', 2_592_000_000],
  ['week', 604_800_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
  ['millisecond', 1],
];
const PART_MS = new Map([...PARTS, ['microsecond', 1e-3] as const, ['nanosecond', 1e-6] as const]);

/**
 * "1 year, 2 months": the largest whole part, then `decimals` more parts (zeros included),
 * each rounded down; negative durations end in " ago". `unit` is what the input counts.
 */
export function spelledDuration(unit: string, value: number, decimals?: Decimals): Formatted {
  if (!Number.isFinite(value)) return { text: toFixed(value) };
  if (value === 0) return { text: '0', suffix: ` ${unit}s` };
  if (value < 0) {
    const f = spelledDuration(unit, -value, decimals);
    return { ...f, suffix: `${f.suffix ?? ''} ago` };
  }
  // In milliseconds, rounded to the nanosecond: a value given in ms stays an exact integer
  // and its parts come out whole (36993906007 ms ends in "7 milliseconds", not 6.99…).
  let rest = Math.round(value * PART_MS.get(unit)! * 1e6) / 1e6;
  let budget = decimals ?? 0;
  const out: string[] = [];
  for (const [word, ms] of PARTS) {
    if (budget < 0) break;
    const whole = Math.floor(rest / ms + 1e-9);
    if (whole < 1 && out.length === 0) continue;
    out.push(`${whole} ${word}${whole === 1 ? '' : 's'}`);
    rest = Math.max(0, rest - whole * ms);
    budget--;
  }
  return { text: out.join(', ') };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** hh:mm:ss of a number of seconds (hours past 99 keep all their digits). */
export const hoursMinutesSeconds: Formatter = (value) => {
  if (!Number.isFinite(value)) return { text: toFixed(value) };
  if (value < 0) {
    const f = hoursMinutesSeconds(-value);
    return { ...f, suffix: ' ago' };
  }
  const h = Math.floor(value / HOUR);
  const m = Math.floor((value % HOUR) / MIN);
  const s = Math.floor(value % MIN);
  return { text: `${pad2(h)}:${pad2(m)}:${pad2(s)}` };
};

/** "13 d 15:43:31"; under a day just hh:mm:ss. */
export const daysHoursMinutesSeconds: Formatter = (value) => {
  if (!Number.isFinite(value)) return { text: toFixed(value) };
  if (value < 0) {
    const f = daysHoursMinutesSeconds(-value);
    return { ...f, suffix: ' ago' };
  }
  const d = Math.floor(value / DAY);
  const { text } = hoursMinutesSeconds(value - d * DAY);
  return { text: d > 0 ? `${d} d ${text}` : text };
};

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * A clock face of milliseconds: "01h:59m:59s:999ms". Decimals say how many fields follow the
 * largest one (0: "01h", 1: "01h:59m"); the default shows them all down to milliseconds.
 */
export const clockMs: Formatter = (value, decimals) => {
  if (!Number.isFinite(value)) return { text: toFixed(value) };
  const size = Math.max(0, Math.floor(value));
  const ms = `${pad3(size % 1000)}ms`;
  const s = `${pad2(Math.floor(size / 1000) % 60)}s`;
  const m = `${pad2(Math.floor(size / 60_000) % 60)}m`;
  if (size < 1000) return { text: ms };
  const fields =
    size < 60_000
      ? [s, ms]
      : size < 3_600_000
        ? [m, s, ms]
        : [`${pad2(Math.floor(size / 3_600_000))}h`, m, s, ms];
  const shown = decimals === null || decimals === undefined ? fields.length : decimals + 1;
  return { text: fields.slice(0, Math.max(1, shown)).join(':') };
};

export const clockSeconds: Formatter = (value, decimals) => clockMs(value * 1000, decimals);
