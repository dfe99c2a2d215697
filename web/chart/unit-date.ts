// Values that are moments (milliseconds since 1970) shown as dates: Grafana's dateTimeAsIso,
// dateTimeAsUS, dateTimeFromNow and the custom `time:FORMAT`, whose FORMAT is a moment.js
// pattern (https://momentjs.com/docs/#/displaying/format/). The common tokens are read here
// without moment itself; text in [brackets] is kept as written.

/** Where a moment is read: the browser's zone (Grafana's default), UTC, or an IANA zone. */
export type TimeZone = string | undefined;

interface Fields {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offset: number; // minutes east of UTC
}

const WEEKDAY = new Map(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((d, i) => [d, i]));
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(zone: string): Intl.DateTimeFormat | undefined {
  if (!zoneFormats.has(zone)) {
    try {
      zoneFormats.set(
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          weekday: 'short',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      return undefined; // an unknown zone name: read in the browser's zone
    }
  }
  return zoneFormats.get(zone);
}

export function fieldsAt(ms: number, zone: TimeZone): Fields {
  const d = new Date(ms);
  const ms3 = ((ms % 1000) + 1000) % 1000;
  if (zone === 'utc' || zone === 'UTC') {
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: ms3,
      offset: 0,
    };
  }
  const fmt = zone && zone !== 'browser' ? zoneFormat(zone) : undefined;
  if (fmt) {
    const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
    const f = {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      weekday: WEEKDAY.get(p.weekday ?? '') ?? 0,
      hour: Number(p.hour),
      minute: Number(p.minute),
      second: Number(p.second),
      ms: ms3,
    };
    const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, ms3);
    return { ...f, offset: Math.round((asUtc - ms) / 60_000) };
  }
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    weekday: d.getDay(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    ms: ms3,
    offset: -d.getTimezoneOffset(),
  };
}

const MONTHS = [
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

/** True when both moments fall on the same calendar day in `zone`. */
export function sameDay(a: number, b: number, zone?: TimeZone): boolean {
  const x = fieldsAt(a, zone);
  const y = fieldsAt(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/**
 * "7 days ago", "in 2 hours", "a few seconds ago": moment's fromNow, with its thresholds
 * (under 45 s "a few seconds", under 45 min minutes, under 22 h hours, under 26 days days,
 * under 11 months months, then years), each count rounded.
 */
export function fromNow(ms: number, now: number): string {
  if (!Number.isFinite(ms)) return 'Invalid date';
  const diff = now - ms;
  const abs = Math.abs(diff);
  const secs = Math.round(abs / 1000);
  const mins = Math.round(abs / 60_000);
  const hrs = Math.round(abs / 3_600_000);
  const dys = Math.round(abs / 86_400_000);
  const months = Math.round((abs / 86_400_000) * (4800 / 146_097));
  const years = Math.round((abs / 86_400_000) * (400 / 146_097));
  const words =
    secs < 45
      ? 'a few seconds'
      : mins <= 1
        ? 'a minute'
        : mins < 45
          ? `${mins} minutes`
          : hrs <= 1
            ? 'an hour'
            : hrs < 22
              ? `${hrs} hours`
              : dys <= 1
                ? 'a day'
                : dys < 26
                  ? `${dys} days`
                  : months <= 1
                    ? 'a month'
                    : months < 11
                      ? `${months} months`
                      : years <= 1
                        ? 'a year'
                        : `${years} years`;
  return diff >= 0 ? `${words} ago` : `in ${words}`;
}
