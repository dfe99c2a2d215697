// Date arithmetic for Grafana's time units, matching moment.js (which Grafana uses):
// s/m/h move by fixed ms, d/w/M/Q/y move along the calendar of the dashboard's time zone, so
// `now-1d` keeps the wall-clock time across summer-time changes.
// https://momentjs.com/docs/#/manipulating/add/ and /start-of/

import { fieldsAt, type TimeZone, wallToInstant } from './zone.ts';

export type CalendarUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'y';

/** The day weeks start on, 0 = Sunday … 6 = Saturday. */
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Where the calendar is read: the dashboard's zone, first day of the week and fiscal year. */
export interface CalendarOptions {
  timezone?: TimeZone;
  /** The first day of the week; the browser's locale decides when absent. */
  weekStart?: WeekDay;
  /** The fiscal year's first month, 0 = January (Grafana's fiscalYearStartMonth). */
  fiscalYearStartMonth?: number;
}

const FIXED_MS: Partial<Record<CalendarUnit, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

export function isCalendarUnit(u: string | undefined): u is CalendarUnit {
  return u !== undefined && u.length === 1 && 'smhdwMQy'.includes(u);
}

/**
 * Grafana's `weekStart` (`sunday`, `monday`, `saturday`; empty for the browser's) as a day,
 * or undefined for the browser's locale.
 */
export function readWeekStart(value: unknown): WeekDay | undefined {
  const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  const i = typeof value === 'string' ? days.indexOf(value.trim().toLowerCase()) : -1;
  return i >= 0 ? (i as WeekDay) : undefined;
}

let localeWeekStart: WeekDay | undefined;

/**
 * The first day of the week in the browser's locale (Intl.Locale's week info: Sunday in en-US,
 * Monday in en-GB or de), as Grafana's moment locale has it; Sunday, moment's `en`, when the
 * browser cannot say.
 */
export function browserWeekStart(): WeekDay {
  if (localeWeekStart === undefined) {
    localeWeekStart = 0;
    try {
      const lang = typeof navigator === 'undefined' ? undefined : navigator.language;
      if (lang) {
        const loc = new Intl.Locale(lang) as Intl.Locale & {
          getWeekInfo?: () => { firstDay: number };
          weekInfo?: { firstDay: number };
        };
        const first = (loc.getWeekInfo?.() ?? loc.weekInfo)?.firstDay; // 1 = Monday … 7 = Sunday
        if (first !== undefined && first >= 1 && first <= 7)
          localeWeekStart = (first % 7) as WeekDay;
      }
    } catch {
      // an odd language tag: keep Sunday
    }
  }
  return localeWeekStart;
}

/** t (ms) moved by `amount` units; months, quarters and years clamp the day (Mar 31 - 1M = Feb 29). */
export function addUnits(t: number, amount: number, unit: CalendarUnit, zone?: TimeZone): number {
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return t + amount * fixed;
  const f = fieldsAt(t, zone);
  if (unit === 'd' || unit === 'w') {
    const days = amount * (unit === 'w' ? 7 : 1);
    return wallToInstant(zone, f.year, f.month, f.day + days, f.hour, f.minute, f.second, f.ms);
  }
  const months = amount * (unit === 'y' ? 12 : unit === 'Q' ? 3 : 1);
  const index = f.year * 12 + (f.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(f.day, daysInMonth(year, month));
  return wallToInstant(zone, year, month, day, f.hour, f.minute, f.second, f.ms);
}

// month is 1–12; day 0 of the next month is the last day of this one.
function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

/** First ms of the unit containing t in the calendar of `opts` (moment's startOf). */
export function startOf(t: number, unit: CalendarUnit, opts: CalendarOptions = {}): number {
  const zone = opts.timezone;
  const f = fieldsAt(t, zone);
  switch (unit) {
    case 's':
      return t - f.ms;
    case 'm':
      return wallToInstant(zone, f.year, f.month, f.day, f.hour, f.minute);
    case 'h':
      return wallToInstant(zone, f.year, f.month, f.day, f.hour);
    case 'd':
      return wallToInstant(zone, f.year, f.month, f.day);
    case 'w': {
      const first = opts.weekStart ?? browserWeekStart();
      return wallToInstant(zone, f.year, f.month, f.day - ((f.weekday - first + 7) % 7));
    }
    case 'M':
      return wallToInstant(zone, f.year, f.month, 1);
    case 'Q':
      return wallToInstant(zone, f.year, f.month - ((f.month - 1) % 3), 1);
    case 'y':
      return wallToInstant(zone, f.year, 1, 1);
  }
}

/** Last ms of the unit containing t, like moment's endOf(): the next unit's start, less 1 ms. */
export function endOf(t: number, unit: CalendarUnit, opts: CalendarOptions = {}): number {
  return addUnits(startOf(t, unit, opts), 1, unit, opts.timezone) - 1;
}

/**
 * Grafana's roundToFiscal: t rounded to the start (or, `roundUp`, the last ms) of its fiscal
 * year (`y`) or fiscal quarter (`Q`), the fiscal year starting in month `fyStart` (0 = January).
 * Other units are left as they are, as in Grafana (`now/fd` is now).
 */
export function roundToFiscal(
  t: number,
  unit: CalendarUnit,
  roundUp: boolean,
  opts: CalendarOptions = {},
): number {
  if (unit !== 'y' && unit !== 'Q') return t;
  const zone = opts.timezone;
  const fyStart = opts.fiscalYearStartMonth ?? 0;
  const month0 = fieldsAt(t, zone).month - 1;
  // + 12 keeps the distance back to the fiscal start positive.
  const back = (month0 - fyStart + 12) % (unit === 'y' ? 12 : 3);
  const start = startOf(addUnits(t, -back, 'M', zone), 'M', opts);
  if (!roundUp) return start;
  return endOf(addUnits(start, unit === 'y' ? 11 : 2, 'M', zone), 'M', opts);
}
