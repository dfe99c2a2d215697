// A dashboard's time zone, as Grafana's `timezone` field writes it: `browser` (or empty) for the
// browser's own zone, `utc`, or an IANA name such as `Asia/Tokyo`. Without moment-timezone:
// the browser's Intl.DateTimeFormat knows every IANA zone's offsets, which is all that reading
// a moment's wall-clock fields, and finding the moment of a wall-clock time, need.

/** `browser`, `utc` or an IANA zone name; undefined and empty mean the browser's. */
export type TimeZone = string | undefined;

/** A moment's calendar and clock in a zone. */
export interface WallFields {
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
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** An Intl formatter for an IANA zone; null for `browser`, `utc` or a name Intl does not know. */
function zoneFormat(zone: TimeZone): Intl.DateTimeFormat | null {
  if (!zone || isBrowser(zone) || isUtc(zone)) return null;
  let fmt = zoneFormats.get(zone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        weekday: 'short',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null; // an unknown zone name is read in the browser's zone, as Grafana does
    }
    zoneFormats.set(zone, fmt);
  }
  return fmt;
}

const isBrowser = (zone: string) => zone === '' || zone === 'browser';
const isUtc = (zone: string) => zone.toLowerCase() === 'utc';

/** True when `zone` names a zone this browser can compute (`browser`, `utc` or a known IANA name). */
export function isKnownZone(zone: TimeZone): boolean {
  return !zone || isBrowser(zone) || isUtc(zone) || zoneFormat(zone) !== null;
}

/** The moment `ms` read in `zone`. */
export function fieldsAt(ms: number, zone: TimeZone): WallFields {
  const d = new Date(ms);
  const ms3 = ((ms % 1000) + 1000) % 1000;
  if (zone && isUtc(zone)) {
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
  const fmt = zoneFormat(zone);
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
    // Years before 1000 come without padding, and BC ones as positive: rare enough to accept.
    const asUtc = utcOf(f.year, f.month, f.day, f.hour, f.minute, f.second, ms3);
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

/** Minutes east of UTC in `zone` at the moment `ms`. */
export function offsetAt(ms: number, zone: TimeZone): number {
  if (zone && isUtc(zone)) return 0;
  if (zoneFormat(zone)) return fieldsAt(ms, zone).offset;
  return -new Date(ms).getTimezoneOffset();
}

// The wall-clock fields read as if they were UTC; overflowing fields carry (day 0 = the last
// day of the month before), and years 0–99 stay themselves, unlike the Date constructor's.
function utcOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The moment a wall-clock time names in `zone` (month 1–12; overflowing fields carry). As
 * moment-timezone and JS Dates do: a time skipped by a summer-time change is moved forward by
 * the gap, and a time that happens twice is the first of the two.
 */
export function wallToInstant(
  zone: TimeZone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const asUtc = utcOf(year, month, day, hour, minute, second, ms);
  // The offsets a day either side: zones change offset at most once in two days.
  const before = offsetAt(asUtc - DAY_MS, zone);
  const after = offsetAt(asUtc + DAY_MS, zone);
  const fits = [before, after]
    .map((o) => asUtc - o * 60_000)
    .filter((t) => offsetAt(t, zone) * 60_000 === asUtc - t);
  if (fits.length > 0) return Math.min(...fits);
  return asUtc - before * 60_000; // in the gap: the offset before the change, so later
}
