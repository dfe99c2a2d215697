// Grafana's own unit tests, transcribed case by case as data: each table names the file of
// grafana/grafana it comes from (packages/grafana-data/src/valueFormats/). Where Grafana's
// test computes its expectation with moment at run time, the value it computes is written out
// here for a fixed time zone. Cases Promscope shows differently on purpose are not here but in
// docs/GRAFANA-COMPATIBILITY.md, with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitFormatter } from './unit-catalogue.ts';
import { currency, joinFormatted, scaled, siPrefix, toFixed } from './unit-number.ts';
import {
  clockMs,
  daysHoursMinutesSeconds,
  hoursMinutesSeconds,
  nanoseconds,
  seconds,
  spelledDuration,
} from './unit-time.ts';
import { formatValue, loadUnitCatalogue } from './units.ts';

// The catalogue loads lazily in the app; these tests format every unit, so load it first.
beforeAll(() => loadUnitCatalogue());

// Grafana's Jest setup runs every test in Pacific/Easter (a zone far from UTC with summer
// time), so that local-time bugs show; the cases built with `new Date(y, m, d)` are local
// times and come out the same in any zone. The date cases below run in both zones.
const ZONES = ['Pacific/Easter', 'UTC'] as const;
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const text = (unit: string, value: number, decimals?: number) =>
  joinFormatted(unitFormatter(unit)(value, decimals));

describe('grafana valueFormats.test.ts', () => {
  // packages/grafana-data/src/valueFormats/valueFormats.test.ts — the it.each table
  // [format, decimals, value, expected]
  const table: [string, number | undefined, number, string][] = [
    ['currencyUSD', 2, 1532.82, '$1.53K'],
    ['currencyKRW', 2, 1532.82, '₩1.53K'],
    ['currencyIDR', 2, 1532.82, 'Rp1.53K'],
    ['none', undefined, 3.23, '3.23'],
    ['none', undefined, 0.0245, '0.0245'],
    ['none', undefined, 1 / 3, '0.333'],
    ['ms', 4, 0.0024, '0.0024 ms'],
    ['ms', 0, 100, '100 ms'],
    ['ms', 2, 1250, '1.25 s'],
    ['ms', 1, 10000086.123, '2.8 hour'],
    ['ms', undefined, 1000, '1 s'],
    ['ms', 0, 1200, '1 s'],
    ['short', undefined, 1000, '1 K'],
    ['short', undefined, 1200, '1.20 K'],
    ['short', undefined, 1250, '1.25 K'],
    ['short', undefined, 1000000, '1 Mil'],
    ['short', undefined, 1500000, '1.50 Mil'],
    ['short', undefined, 1000120, '1.00 Mil'],
    ['short', undefined, 98765, '98.8 K'],
    ['short', undefined, 9876543, '9.88 Mil'],
    ['short', undefined, 9876543, '9.88 Mil'],
    ['kbytes', undefined, 10000000, '9.54 GiB'],
    ['deckbytes', undefined, 10000000, '10 GB'],
    ['megwatt', 3, 1000, '1.000 GW'],
    ['kohm', 3, 1000, '1.000 MΩ'],
    ['Mohm', 3, 1000, '1.000 GΩ'],
    ['farad', 3, 1000, '1.000 kF'],
    ['µfarad', 3, 1000, '1.000 mF'],
    ['nfarad', 3, 1000, '1.000 µF'],
    ['pfarad', 3, 1000, '1.000 nF'],
    ['ffarad', 3, 1000, '1.000 pF'],
    ['henry', 3, 1000, '1.000 kH'],
    ['mhenry', 3, 1000, '1.000 H'],
    ['µhenry', 3, 1000, '1.000 mH'],
    ['a', 0, 1532.82, '1533 a'],
    ['b', 0, 1532.82, '1533 b'],
    ['prefix:b', undefined, 1532.82, 'b1533'],
    ['suffix:d', undefined, 1532.82, '1533 d'],
    ['si:µF', 2, 0, '0.00 µF'],
    ['si:µF', 2, 1234, '1.23 mF'],
    ['si:µF', 2, 1234000000, '1.23 kF'],
    ['si:µF', 2, 1234000000000000, '1.23 GF'],
    ['count:xpm', 2, 1234567, '1.23M xpm'],
    ['count:x/min', 2, 1234, '1.23K x/min'],
    ['currency:@', 2, 1234567, '@1.23M'],
    ['currency:@', 2, 1234, '@1.23K'],
    ['dtdurationms', undefined, 100000, '1 minute'],
  ];
  it.each(table)('%s, decimals %s: %d → %s', (unit, decimals, value, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
    expect(text(unit, value, decimals)).toBe(expected);
  });

  // The same table's date rows: values are `dateTime(new Date(y, m, d)).valueOf()`, local.
  const dates: [string, [number, number, number], string][] = [
    ['time:YYYY', [1999, 6, 2], '1999'],
    ['time:YYYY.MM', [2010, 6, 2], '2010.07'],
    ['dateTimeAsIso', [2010, 6, 2], '2010-07-02 00:00:00'],
    ['dateTimeAsUS', [2010, 6, 2], '07/02/2010 12:00:00 am'],
    ['dateTimeAsSystem', [2010, 6, 2], '2010-07-02 00:00:00'],
    // 'Manually check a format'
    ['time:YYYY.MM', [2010, 6, 2], '2010.07'],
  ];
  describe.each(ZONES)('in %s', (zone) => {
    it.each(dates)('%s: %j → %s', (unit, [y, m, d], expected) => {
      process.env.TZ = zone;
      expect(formatValue(new Date(y, m, d).valueOf(), unit, 0)).toBe(expected);
    });
  });

  // 'normal cases', 'format edge cases', 'toFixed and negative decimals'
  const fixed: [number, number | undefined, string][] = [
    [100, undefined, '100'],
    [100.4, undefined, '100'],
    [100.5, undefined, '101'],
    [27.4, undefined, '27.4'],
    [27.5, undefined, '27.5'],
    [-100, undefined, '-100'],
    [-100.5, undefined, '-100'],
    [-100.6, undefined, '-101'],
    [-27.5, undefined, '-27.5'],
    [-27.6, undefined, '-27.6'],
    [100, 1, '100.0'],
    [100.37, 1, '100.4'],
    [100.63, 1, '100.6'],
    [100.4, 2, '100.40'],
    [100.5, 2, '100.50'],
    [0, 1, '0.0'],
    [0, 2, '0.00'],
    [Number.NaN, undefined, 'NaN'],
    [Number.NEGATIVE_INFINITY, undefined, Number.NEGATIVE_INFINITY.toLocaleString()],
    [Number.POSITIVE_INFINITY, undefined, Number.POSITIVE_INFINITY.toLocaleString()],
    [186.123, -2, '186'],
  ];
  it.each(fixed)('toFixed(%d, %s) → %s', (value, decimals, expected) => {
    expect(toFixed(value, decimals)).toBe(expected);
  });

  it('scaledUnits handles non-number input', () => {
    const disp = scaled(5, ['a', 'b', 'c']);
    expect(disp(Number.NaN).text).toBe('NaN');
    expect(disp(Number.NEGATIVE_INFINITY).text).toBe(Number.NEGATIVE_INFINITY.toLocaleString());
    expect(disp(Number.POSITIVE_INFINITY).text).toBe(Number.POSITIVE_INFINITY.toLocaleString());
  });

  it('resolves the old id farenheit to fahrenheit', () => {
    expect(unitFormatter('farenheit')).toBe(unitFormatter('fahrenheit'));
  });
});

describe('grafana dateTimeFormatters.test.ts', () => {
  // packages/grafana-data/src/valueFormats/dateTimeFormatters.test.ts — 'date time formats'.
  // epoch 1505634997920 is 2017-09-17 07:56:37.920 UTC; Grafana compares with moment's text
  // in the browser's zone, written out here for the zones the tests run in.
  const epoch = 1505634997920;
  const browser: Record<(typeof ZONES)[number], { iso: string; us: string }> = {
    'Pacific/Easter': { iso: '2017-09-17 02:56:37', us: '09/17/2017 2:56:37 am' },
    UTC: { iso: '2017-09-17 07:56:37', us: '09/17/2017 7:56:37 am' },
  };
  const fmt = (unit: string, v: number, timeZone?: string, now?: number) =>
    joinFormatted(unitFormatter(unit)(v, 0, { timeZone, now }));

  describe.each(ZONES)('in %s', (zone) => {
    const now = Date.UTC(2026, 2, 14, 15, 9, 26); // any fixed "now"
    it('formats as iso date, in the browser zone and in UTC', () => {
      process.env.TZ = zone;
      expect(fmt('dateTimeAsIso', epoch)).toBe(browser[zone].iso);
      expect(fmt('dateTimeAsIso', epoch, 'utc')).toBe('2017-09-17 07:56:37');
    });
    it('formats as iso date and skips the date when today (browser, UTC)', () => {
      process.env.TZ = zone;
      const hms = (d: Date) =>
        [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0'));
      expect(fmt('dateTimeAsIsoNoDateIfToday', now, undefined, now)).toBe(
        hms(new Date(now)).join(':'),
      );
      expect(fmt('dateTimeAsIsoNoDateIfToday', now, 'utc', now)).toBe('15:09:26');
    });
    it('formats as US date, in the browser zone and in UTC', () => {
      process.env.TZ = zone;
      expect(fmt('dateTimeAsUS', epoch)).toBe(browser[zone].us);
      expect(fmt('dateTimeAsUS', epoch, 'utc')).toBe('09/17/2017 7:56:37 am');
    });
    it('formats as US date and skips the date when today (browser, UTC)', () => {
      process.env.TZ = zone;
      const d = new Date(now);
      const h = d.getHours() % 12 || 12;
      const local = `${h}:${String(d.getMinutes()).padStart(2, '0')}:26 ${d.getHours() < 12 ? 'am' : 'pm'}`;
      expect(fmt('dateTimeAsUSNoDateIfToday', now, undefined, now)).toBe(local);
      expect(fmt('dateTimeAsUSNoDateIfToday', now, 'utc', now)).toBe('3:09:26 pm');
    });
    it('formats as from now with days and with minutes (browser, UTC)', () => {
      process.env.TZ = zone;
      for (const tz of [undefined, 'utc']) {
        expect(fmt('dateTimeFromNow', now - 7 * 86_400_000, tz, now)).toBe('7 days ago');
        expect(fmt('dateTimeFromNow', now - 2 * 60_000, tz, now)).toBe('2 minutes ago');
      }
    });
  });

  // 'duration': toDuration(value, decimals, Interval.X) is unit X's spelled duration.
  const durations: [string, number, number, string][] = [
    ['millisecond', 0, 0, '0 milliseconds'],
    ['millisecond', 1, 0, '1 millisecond'],
    ['millisecond', -1, 0, '1 millisecond ago'],
    ['second', 1, 0, '1 second'],
    ['minute', 1, 0, '1 minute'],
    ['hour', 1, 0, '1 hour'],
    ['day', 1, 0, '1 day'],
    ['week', 1, 0, '1 week'],
    ['month', 1, 0, '1 month'],
    ['year', 1, 0, '1 year'],
    ['day', 1.5, 2, '1 day, 12 hours, 0 minutes'],
    ['month', 1.5, 3, '1 month, 2 weeks, 1 day, 0 hours'],
    ['millisecond', 38898367008, 0, '1 year'],
    ['millisecond', 38898367008, 1, '1 year, 2 months'],
    [
      'millisecond',
      38898367008,
      20,
      '1 year, 2 months, 3 weeks, 4 days, 5 hours, 6 minutes, 7 seconds, 8 milliseconds',
    ],
    [
      'millisecond',
      36993906007,
      8,
      '1 year, 2 months, 0 weeks, 3 days, 4 hours, 5 minutes, 6 seconds, 7 milliseconds',
    ],
  ];
  it.each(durations)('duration in %ss: %d, decimals %d → %s', (unit, value, decimals, expected) => {
    expect(joinFormatted(spelledDuration(unit, value, decimals))).toBe(expected);
  });
  it('dtdurationms and dtdurations are the spelled durations', () => {
    expect(formatValue(-1, 'dtdurationms', 0)).toBe('1 millisecond ago');
    expect(formatValue(1, 'dtdurations', 0)).toBe('1 second');
  });

  // '… dthms' and '… dtdhms' (the first three dtdhms cases call the hh:mm:ss formatter)
  const clocks: [typeof hoursMinutesSeconds, number, string][] = [
    [hoursMinutesSeconds, 1, '00:00:01'],
    [hoursMinutesSeconds, -1, '00:00:01 ago'],
    [hoursMinutesSeconds, 0, '00:00:00'],
    [hoursMinutesSeconds, 1, '00:00:01'],
    [hoursMinutesSeconds, -1, '00:00:01 ago'],
    [hoursMinutesSeconds, 0, '00:00:00'],
    [daysHoursMinutesSeconds, 86399, '23:59:59'],
    [daysHoursMinutesSeconds, 86400, '1 d 00:00:00'],
    [daysHoursMinutesSeconds, 360000, '4 d 04:00:00'],
    [daysHoursMinutesSeconds, 1179811, '13 d 15:43:31'],
    [daysHoursMinutesSeconds, -1179811, '13 d 15:43:31 ago'],
    [daysHoursMinutesSeconds, 116876364, '1352 d 17:39:24'],
  ];
  it.each(clocks)('%#: %d → %s', (fn, value, expected) => {
    expect(joinFormatted(fn(value))).toBe(expected);
    const unit = fn === hoursMinutesSeconds ? 'dthms' : 'dtdhms';
    expect(formatValue(value, unit)).toBe(expected);
  });

  // 'clock': toClock(size, decimals) is clockms.
  const clock: [number, number | undefined, string][] = [
    [999, 0, '999ms'],
    [59999, undefined, '59s:999ms'],
    [59999, 0, '59s'],
    [3599999, undefined, '59m:59s:999ms'],
    [3599999, 0, '59m'],
    [3599999, 1, '59m:59s'],
    [7199999, undefined, '01h:59m:59s:999ms'],
    [7199999, 0, '01h'],
    [7199999, 1, '01h:59m'],
    [7199999, 2, '01h:59m:59s'],
    [89999999, undefined, '24h:59m:59s:999ms'],
    [89999999, 0, '24h'],
    [89999999, 1, '24h:59m'],
    [89999999, 2, '24h:59m:59s'],
  ];
  it.each(clock)('clock %d, decimals %s → %s', (value, decimals, expected) => {
    expect(joinFormatted(clockMs(value, decimals))).toBe(expected);
    expect(formatValue(value, 'clockms', decimals)).toBe(expected);
  });

  // 'to nanoseconds', 'seconds': [value, text, suffix]
  const ns: [number, string, string][] = [
    [10, '10', ' ns'],
    [3000, '3', ' µs'],
    [4000000, '4', ' ms'],
    [5000000000, '5', ' s'],
    [480000000000, '8', ' min'],
    [32400000000000, '9', ' hour'],
    [864000000000000, '10', ' day'],
  ];
  it.each(ns)('ns %d → %s%s', (value, t, suffix) => {
    expect(nanoseconds(value)).toEqual({ text: t, suffix });
  });
  it('seconds: shows 0 as "0 s"', () => {
    expect(seconds(0)).toEqual({ text: '0', suffix: ' s' });
  });
});

describe('grafana symbolFormatters.test.ts', () => {
  // packages/grafana-data/src/valueFormats/symbolFormatters.test.ts
  // [value, prefix, suffix, text]
  const plain: [number, string | undefined, string, string][] = [
    [0, '@', '', '0'],
    [999, '@', '', '999'],
    [1000, '@', 'K', '1'],
    [1000000, '@', 'M', '1'],
    [1000000000, '@', 'B', '1'],
    [1000000000000, '@', 'T', '1'],
    [1000000000000000, '@', 'T', '1000'],
    [-1000000000000, '-@', 'T', '1'],
    [-1000000000, '-@', 'B', '1'],
    [-1000000, '-@', 'M', '1'],
    [-1000, '-@', 'K', '1'],
    [-999, '-@', '', '999'],
  ];
  it.each(plain)('currency("@"): %d → %s %s %s', (value, prefix, suffix, t) => {
    const f = currency('@')(value);
    expect([f.prefix, f.text, f.suffix]).toEqual([prefix, t, suffix]);
  });

  const asSuffix: [number, string | undefined, string, string][] = [
    [0, undefined, '@', '0'],
    [999, undefined, '@', '999'],
    [1000, undefined, 'K@', '1'],
    [1000000, undefined, 'M@', '1'],
    [1000000000, undefined, 'B@', '1'],
    [1000000000000, undefined, 'T@', '1'],
    [1000000000000000, undefined, 'T@', '1000'],
    [-1000000000000, '-', 'T@', '1'],
    [-1000000000, '-', 'B@', '1'],
    [-1000000, '-', 'M@', '1'],
    [-1000, '-', 'K@', '1'],
    [-999, '-', '@', '999'],
  ];
  it.each(asSuffix)('currency("@", true): %d → %s %s %s', (value, prefix, suffix, t) => {
    const f = currency('@', true)(value);
    expect([f.prefix, f.text, f.suffix]).toEqual([prefix, t, suffix]);
  });

  // 'SIPrefix' with symbol V: [value, suffix, text]
  const si: [number, string, string][] = [
    [0, ' V', '0'],
    [999, ' V', '999'],
    [1000, ' kV', '1'],
    [1000000, ' MV', '1'],
    [1000000000, ' GV', '1'],
    [1000000000000, ' TV', '1'],
    [1000000000000000, ' PV', '1'],
    [-1000000000000, ' TV', '-1'],
    [-1000000000, ' GV', '-1'],
    [-1000000, ' MV', '-1'],
    [-1000, ' kV', '-1'],
    [-999, ' V', '-999'],
  ];
  it.each(si)('SIPrefix("V"): %d → %s %s', (value, suffix, t) => {
    const f = siPrefix('V')(value);
    expect([f.prefix, f.suffix, f.text]).toEqual([undefined, suffix, t]);
  });
});

describe('grafana arithmeticFormatters.test.ts', () => {
  // packages/grafana-data/src/valueFormats/arithmeticFormatters.test.ts
  const cases: [string, number, number, string][] = [
    ['hex', 100, 0, '64'],
    ['hex', -100, 0, '-64'],
    ['hex', 50.52, 1, '32.8'],
    ['hex', -50.333, 2, '-32.547AE147AE14'],
    ['hex0x', 7999, 0, '0x1F3F'],
    ['hex0x', -584, 0, '-0x248'],
    ['hex0x', 74.443, 3, '0x4A.716872B020C4'],
    ['hex0x', -65.458, 1, '-0x41.8'],
  ];
  it.each(cases)('%s: %d, decimals %d → %s', (unit, value, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });
});
