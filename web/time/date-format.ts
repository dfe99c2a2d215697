// Grafana's `${__from:date:FORMAT}` formats a time with moment.js tokens
// (https://momentjs.com/docs/#/displaying/format/), in the browser's time zone as Grafana's
// dateTime() does. This is that token set, written out so the dashboard page does not carry
// moment: years, quarters, months, days, weekdays, hours, minutes, seconds, fractions,
// AM/PM, offsets, unix times and `[literal]` text; any other character is printed as is.

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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number) => String(Math.abs(Math.trunc(n))).padStart(width, '0');

/** English ordinals as moment prints them: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

interface Parts {
  year: number;
  month: number; // 0-11
  day: number;
  weekday: number; // 0 = Sunday
  hours: number;
  minutes: number;
  seconds: number;
  ms: number;
  /** Minutes east of UTC. */
  offset: number;
  dayOfYear: number;
}

function partsOf(ms: number, zone: 'local' | 'utc'): Parts {
  const d = new Date(ms);
  const utc = zone === 'utc';
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const dayOfYear =
    Math.round((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return {
    year,
    month,
    day,
    weekday: utc ? d.getUTCDay() : d.getDay(),
    hours: utc ? d.getUTCHours() : d.getHours(),
    minutes: utc ? d.getUTCMinutes() : d.getMinutes(),
    seconds: utc ? d.getUTCSeconds() : d.getSeconds(),
    ms: utc ? d.getUTCMilliseconds() : d.getMilliseconds(),
    offset: utc ? 0 : -d.getTimezoneOffset(),
    dayOfYear,
  };
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(minutes / 60, 2)}${colon ? ':' : ''}${pad(minutes % 60, 2)}`;
}

// Longest tokens first, so `MMMM` is not read as two `MM`.
const TOKEN_RE =
  /\[([^\]]*)\]|YYYY|YY|Q|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x/g;

function token(t: string, p: Parts, ms: number): string {
  const h12 = p.hours % 12 === 0 ? 12 : p.hours % 12;
  const k = p.hours === 0 ? 24 : p.hours;
  switch (t) {
    case 'YYYY':
      return pad(p.year, 4);
    case 'YY':
      return pad(p.year % 100, 2);
    case 'Q':
      return String(Math.floor(p.month / 3) + 1);
    case 'MMMM':
      return MONTHS[p.month]!;
    case 'MMM':
      return MONTHS[p.month]!.slice(0, 3);
    case 'MM':
      return pad(p.month + 1, 2);
    case 'M':
      return String(p.month + 1);
    case 'DDDD':
      return pad(p.dayOfYear, 3);
    case 'DDD':
      return String(p.dayOfYear);
    case 'Do':
      return ordinal(p.day);
    case 'DD':
      return pad(p.day, 2);
    case 'D':
      return String(p.day);
    case 'dddd':
      return WEEKDAYS[p.weekday]!;
    case 'ddd':
      return WEEKDAYS[p.weekday]!.slice(0, 3);
    case 'dd':
      return WEEKDAYS[p.weekday]!.slice(0, 2);
    case 'd':
      return String(p.weekday);
    case 'HH':
      return pad(p.hours, 2);
    case 'H':
      return String(p.hours);
    case 'hh':
      return pad(h12, 2);
    case 'h':
      return String(h12);
    case 'kk':
      return pad(k, 2);
    case 'k':
      return String(k);
    case 'mm':
      return pad(p.minutes, 2);
    case 'm':
      return String(p.minutes);
    case 'ss':
      return pad(p.seconds, 2);
    case 's':
      return String(p.seconds);
    case 'SSS':
      return pad(p.ms, 3);
    case 'SS':
      return pad(Math.floor(p.ms / 10), 2);
    case 'S':
      return String(Math.floor(p.ms / 100));
    case 'A':
      return p.hours < 12 ? 'AM' : 'PM';
    case 'a':
      return p.hours < 12 ? 'am' : 'pm';
    case 'ZZ':
      return offsetText(p.offset, false);
    case 'Z':
      return offsetText(p.offset, true);
    case 'X':
      return String(Math.floor(ms / 1000));
    case 'x':
      return String(Math.floor(ms));
    default:
      return t;
  }
}

/** A time (ms) in a moment.js format, local time unless told UTC. */
export function formatDate(ms: number, format: string, zone: 'local' | 'utc' = 'local'): string {
  const p = partsOf(ms, zone);
  return format.replace(TOKEN_RE, (t, literal?: string) =>
    literal !== undefined ? literal : token(t, p, ms),
  );
}
