// ISO 8601 calendar dates as Grafana accepts them in `from`/`to`:
// `2024-01-02`, `2024-01-02T03:04`, `2024-01-02 03:04:05.678`, with `Z` or `+02:00`.
// Like moment (https://momentjs.com/docs/#/parsing/string/), a date without an offset is a
// wall-clock time in the dashboard's zone (the browser's by default); Date.parse would read a
// bare date as UTC, so we parse the fields ourselves.

import { type TimeZone, wallToInstant } from './zone.ts';

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ms since the epoch, or null when the text is not a valid ISO 8601 date. */
export function parseIsoDate(text: string, zone?: TimeZone): number | null {
  const m = ISO_RE.exec(text);
  if (m === null) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offsetText] = m;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0')); // finer digits are dropped
  if (offsetText === undefined) return wallToInstant(zone, y, mo, d, h, mi, s, ms);
  const offset = offsetMs(offsetText);
  // Setters rather than the Date constructor, which maps years 0–99 to 1900–1999.
  const date = new Date(0);
  if (offset === null) return null;
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime() - offset;
}

// month is 1–12; day 0 of the next month is the last day of this one.
function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

// `Z`, `+02:00` or `-0530` → ms east of UTC; null for an impossible offset like `+25:00`.
function offsetMs(zone: string): number | null {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes) * 60_000;
}
