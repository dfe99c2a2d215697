// Grafana's moment.js format patterns (https://momentjs.com/docs/#/displaying/format/), written
// out so the dashboard page does not carry moment: `${__from:date:FORMAT}` in variables and the
// `time:FORMAT` / dateTimeAs* units. Years, quarters, months, days of year and week, hours,
// minutes, seconds, fractions, AM/PM, offsets, unix times and `[literal]` text; any other
// character is printed as is. In the zone given (the browser's when none, as Grafana's
// dateTime() does).

import { type WallFields as Fields, fieldsAt, type TimeZone } from './zone.ts';

/** English month names, as moment prints them (also the settings' fiscal-year choices). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function zoneText(offset: number, colon: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${pad(Math.floor(a / 60))}${colon ? ':' : ''}${pad(a % 60)}`;
}

function dayOfYear(f: Fields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000 + 1;
}

// Longest tokens first, so "MMMM" is not read as "MM" twice.
const TOKENS: readonly (readonly [string, (f: Fields, ms: number) => string])[] = [
  ['YYYY', (f) => pad(f.year, 4)],
  ['MMMM', (f) => MONTHS[f.month - 1]!],
  ['dddd', (f) => DAYS[f.weekday]!],
  ['DDDD', (f) => pad(dayOfYear(f), 3)],
  ['SSS', (f) => pad(f.ms, 3)],
  ['MMM', (f) => MONTHS[f.month - 1]!.slice(0, 3)],
  ['ddd', (f) => DAYS[f.weekday]!.slice(0, 3)],
  ['DDD', (f) => String(dayOfYear(f))],
  ['YY', (f) => pad(f.year % 100)],
  ['MM', (f) => pad(f.month)],
  ['Do', (f) => ordinal(f.day)],
  ['DD', (f) => pad(f.day)],
  ['dd', (f) => DAYS[f.weekday]!.slice(0, 2)],
  ['HH', (f) => pad(f.hour)],
  ['hh', (f) => pad(f.hour % 12 || 12)],
  ['kk', (f) => pad(f.hour || 24)],
  ['mm', (f) => pad(f.minute)],
  ['ss', (f) => pad(f.second)],
  ['SS', (f) => pad(Math.floor(f.ms / 10))],
  ['ZZ', (f) => zoneText(f.offset, false)],
  ['Q', (f) => String(Math.ceil(f.month / 3))],
  ['M', (f) => String(f.month)],
  ['D', (f) => String(f.day)],
  ['d', (f) => String(f.weekday)],
  ['H', (f) => String(f.hour)],
  ['h', (f) => String(f.hour % 12 || 12)],
  ['k', (f) => String(f.hour || 24)],
  ['m', (f) => String(f.minute)],
  ['s', (f) => String(f.second)],
  ['S', (f) => String(Math.floor(f.ms / 100))],
  ['A', (f) => (f.hour < 12 ? 'AM' : 'PM')],
  ['a', (f) => (f.hour < 12 ? 'am' : 'pm')],
  ['Z', (f) => zoneText(f.offset, true)],
  ['X', (_f, ms) => String(Math.floor(ms / 1000))],
  ['x', (_f, ms) => String(ms)],
];

/** The moment `ms` written with a moment.js pattern, in `zone`. */
export function formatDate(ms: number, pattern: string, zone?: TimeZone): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return 'Invalid date';
  const f = fieldsAt(ms, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern[i] === '[') {
      const end = pattern.indexOf(']', i);
      if (end !== -1) {
        out += pattern.slice(i + 1, end);
        i = end + 1;
        continue;
      }
    }
    const token = TOKENS.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      out += token[1](f, ms);
      i += token[0].length;
    } else {
      out += pattern[i];
      i++;
    }
  }
  return out;
}
