// Date arithmetic for Grafana's time units, matching moment.js (which Grafana uses):
// s/m/h move by fixed ms, d/w/M/y move along the local calendar so `now-1d` keeps the
// wall-clock time across DST changes. https://momentjs.com/docs/#/manipulating/add/

export type CalendarUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'y';

const FIXED_MS: Partial<Record<CalendarUnit, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

export function isCalendarUnit(u: string | undefined): u is CalendarUnit {
  return u !== undefined && u.length === 1 && 'smhdwMy'.includes(u);
}

/** t (ms) moved by `amount` units; months and years clamp the day (Mar 31 - 1M = Feb 29). */
export function addUnits(t: number, amount: number, unit: CalendarUnit): number {
  const fixed = FIXED_MS[unit];
  if (fixed !== undefined) return t + amount * fixed;
  const d = new Date(t);
  if (unit === 'd' || unit === 'w') {
    d.setDate(d.getDate() + amount * (unit === 'w' ? 7 : 1));
    return d.getTime();
  }
  const day = d.getDate();
  d.setDate(1); // so setMonth cannot overflow into the month after
  d.setMonth(d.getMonth() + amount * (unit === 'y' ? 12 : 1));
  const daysInMonth = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(day, daysInMonth));
  return d.getTime();
}

/** First ms (local time) of the unit containing t; weeks start on Monday (ISO 8601). */
export function startOf(t: number, unit: CalendarUnit): number {
  const d = new Date(t);
  if (unit === 's') d.setMilliseconds(0);
  else if (unit === 'm') d.setSeconds(0, 0);
  else if (unit === 'h') d.setMinutes(0, 0, 0);
  else {
    d.setHours(0, 0, 0, 0);
    if (unit === 'w') d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
    else if (unit === 'M') d.setDate(1);
    else if (unit === 'y') d.setMonth(0, 1);
  }
  return d.getTime();
}

/** Last ms of the unit containing t, like moment's endOf(). */
export function endOf(t: number, unit: CalendarUnit): number {
  return addUnits(startOf(t, unit), 1, unit) - 1;
}
