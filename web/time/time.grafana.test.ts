// Grafana's own time tests, transcribed case by case as data: each table names the file of
// grafana/grafana it comes from (packages/grafana-data/src/datetime/). Where Grafana's test
// computes its expectation with moment at run time, the value moment gives is written out here
// for a fixed zone (checked against Python's zoneinfo, not against this code). Cases Promscope
// does differently on purpose are not here but in docs/GRAFANA-COMPATIBILITY.md, with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../fields/unit-date.ts';
import { roundToFiscal } from './calendar.ts';
import { describeInterval } from './duration.ts';
import { roundInterval } from './prom-interval.ts';
import { applyDateMath, describeRange, parseTimeExpr, resolveRange } from './time-range.ts';

// Grafana's Jest setup runs every test in Pacific/Easter (far from UTC, with summer time). Each
// zone-dependent case runs three ways: the process in Pacific/Easter with the dashboard on
// `browser`; the process in UTC with the dashboard on `Pacific/Easter` (the IANA path, through
// Intl); and everything in UTC, for the UTC expectations.
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSSZ'; // datemath.test.ts's format
const ANCHOR = '2014-01-01T06:06:06.666Z';
const UNIX = Date.UTC(2014, 0, 1, 6, 6, 6, 666);
// Grafana's moment locale in Jest is `en`: weeks start on Sunday.
const SUNDAY = 0;

interface Way {
  name: string;
  tz: string;
  timezone: string;
  expect: 'easter' | 'utc';
}
const WAYS: Way[] = [
  {
    name: 'TZ=Pacific/Easter, timezone browser',
    tz: 'Pacific/Easter',
    timezone: 'browser',
    expect: 'easter',
  },
  {
    name: 'TZ=UTC, timezone Pacific/Easter',
    tz: 'UTC',
    timezone: 'Pacific/Easter',
    expect: 'easter',
  },
  { name: 'TZ=UTC, timezone browser', tz: 'UTC', timezone: 'browser', expect: 'utc' },
  { name: 'TZ=Pacific/Easter, timezone utc', tz: 'Pacific/Easter', timezone: 'utc', expect: 'utc' },
];

describe('grafana datemath.test.ts', () => {
  // packages/grafana-data/src/datetime/datemath.test.ts — "errors"
  it.each([
    ['', 'should return undefined if passed empty string'],
    ['now&1d', 'an operator besides [+-/]'],
    ['now+5f', 'a unit besides s,m,h,d,w,M,y'],
    ['now/2y', 'rounding unit is not 1'],
    ['now/0.5y', 'rounding unit is not 1'],
    ['now-0', 'missing a unit'],
    ['now-00', 'missing a unit'],
  ])('%j is not a time (%s)', (text) => {
    expect(parseTimeExpr(text, UNIX, false)).toBeNull();
  });

  // "now/d should set to start of current day" and "now/d on a utc dashboard …"
  it.each([
    ['Pacific/Easter', 'browser', Date.UTC(2014, 0, 1, 5)],
    ['Pacific/Easter', 'utc', Date.UTC(2014, 0, 1)],
    ['UTC', 'browser', Date.UTC(2014, 0, 1)],
    ['UTC', 'utc', Date.UTC(2014, 0, 1)],
  ])('now/d in TZ=%s on a %s dashboard is the start of that day', (tz, timezone, expected) => {
    process.env.TZ = tz;
    expect(parseTimeExpr('now/d', UNIX, false, { timezone })).toBe(expected);
  });

  // "with fiscal quarters": now is 2023-07-05T06:06:06.666Z, the dashboard in utc.
  describe('with fiscal quarters', () => {
    const now = Date.UTC(2023, 6, 5, 6, 6, 6, 666);
    it.each([
      ['now/fQ', 0, Date.UTC(2023, 6, 1)],
      ['now-1Q/fQ', 0, Date.UTC(2023, 3, 1)],
      // "with a custom fiscal year start month": 7, August
      ['now/fQ', 7, Date.UTC(2023, 4, 1)],
      ['now-1Q/fQ', 7, Date.UTC(2023, 1, 1)],
    ])('%s with fiscalYearStartMonth %i', (text, fiscalYearStartMonth, expected) => {
      const opts = { timezone: 'utc', fiscalYearStartMonth };
      expect(parseTimeExpr(text, now, false, opts)).toBe(expected);
    });
  });

  // "subtraction": now-5<span> and `anchor||-5<span>`, with moment's subtract as the answer.
  const SUBTRACTED: Record<Way['expect'], Record<string, string>> = {
    easter: {
      s: '2014-01-01T01:06:01.666-05:00',
      m: '2014-01-01T01:01:06.666-05:00',
      h: '2013-12-31T20:06:06.666-05:00',
      d: '2013-12-27T01:06:06.666-05:00',
      w: '2013-11-27T01:06:06.666-05:00',
      M: '2013-08-01T01:06:06.666-06:00', // winter time in August
      y: '2009-01-01T01:06:06.666-05:00',
    },
    utc: {
      s: '2014-01-01T06:06:01.666+00:00',
      m: '2014-01-01T06:01:06.666+00:00',
      h: '2014-01-01T01:06:06.666+00:00',
      d: '2013-12-27T06:06:06.666+00:00',
      w: '2013-11-27T06:06:06.666+00:00',
      M: '2013-08-01T06:06:06.666+00:00',
      y: '2009-01-01T06:06:06.666+00:00',
    },
  };

  // "rounding": now/<span> down (startOf) and up (endOf).
  const ROUNDED: Record<Way['expect'], Record<string, [string, string]>> = {
    easter: {
      s: ['2014-01-01T01:06:06.000-05:00', '2014-01-01T01:06:06.999-05:00'],
      m: ['2014-01-01T01:06:00.000-05:00', '2014-01-01T01:06:59.999-05:00'],
      h: ['2014-01-01T01:00:00.000-05:00', '2014-01-01T01:59:59.999-05:00'],
      d: ['2014-01-01T00:00:00.000-05:00', '2014-01-01T23:59:59.999-05:00'],
      w: ['2013-12-29T00:00:00.000-05:00', '2014-01-04T23:59:59.999-05:00'],
      M: ['2014-01-01T00:00:00.000-05:00', '2014-01-31T23:59:59.999-05:00'],
      y: ['2014-01-01T00:00:00.000-05:00', '2014-12-31T23:59:59.999-05:00'],
    },
    utc: {
      s: ['2014-01-01T06:06:06.000+00:00', '2014-01-01T06:06:06.999+00:00'],
      m: ['2014-01-01T06:06:00.000+00:00', '2014-01-01T06:06:59.999+00:00'],
      h: ['2014-01-01T06:00:00.000+00:00', '2014-01-01T06:59:59.999+00:00'],
      d: ['2014-01-01T00:00:00.000+00:00', '2014-01-01T23:59:59.999+00:00'],
      w: ['2013-12-29T00:00:00.000+00:00', '2014-01-04T23:59:59.999+00:00'],
      M: ['2014-01-01T00:00:00.000+00:00', '2014-01-31T23:59:59.999+00:00'],
      y: ['2014-01-01T00:00:00.000+00:00', '2014-12-31T23:59:59.999+00:00'],
    },
  };

  for (const way of WAYS) {
    describe(way.name, () => {
      const opts = { timezone: way.timezone, weekStart: SUNDAY } as const;
      const text = (t: number | null) => (t === null ? null : formatDate(t, FORMAT, way.timezone));
      beforeAll(() => {
        process.env.TZ = way.tz;
      });

      it.each(Object.entries(SUBTRACTED[way.expect]))('now-5%s and anchor||-5%s', (span, want) => {
        expect(text(parseTimeExpr(`now-5${span}`, UNIX, false, opts))).toBe(want);
        expect(text(parseTimeExpr(`${ANCHOR}||-5${span}`, UNIX, false, opts))).toBe(want);
      });

      it.each(Object.entries(ROUNDED[way.expect]))('now/%s', (span, [down, up]) => {
        expect(text(parseTimeExpr(`now/${span}`, UNIX, false, opts))).toBe(down);
        expect(text(parseTimeExpr(`now/${span}`, UNIX, true, opts))).toBe(up);
      });
    });
  }

  // "isValid"
  it.each([
    ['asd', false],
    ['now-1h', true],
  ])('isValid(%j) is %s', (t, valid) => {
    expect(parseTimeExpr(t, UNIX, false) !== null).toBe(valid);
  });

  // "relative time to date parsing": parseDateMath(math, dateTime([2014, 1, 5])), local time.
  describe.each(['Pacific/Easter', 'UTC'])('relative time to date parsing, TZ=%s', (tz) => {
    beforeAll(() => {
      process.env.TZ = tz;
    });
    const at = (y: number, m: number, d: number, h = 0) => new Date(y, m, d, h).getTime();
    const table: [string, [number, number, number, number], string][] = [
      ['-2d', [2014, 1, 3, 0], 'should handle negative time'],
      ['-2d-6h', [2014, 1, 2, 18], 'should handle multiple math expressions'],
      [' - 2d', [2014, 1, 3, 0], 'should strip whitespace from string'],
    ];
    it.each(table)('%j (%s)', (math, want) => {
      expect(applyDateMath(math, at(2014, 1, 5), false)).toBe(at(...want));
    });
    it('should return false when invalid expression', () => {
      expect(applyDateMath('2', at(2014, 1, 5), false)).toBeNull();
    });
  });

  // "Round to fiscal start/end": roundToFiscal(fyStartMonth, dateTime([y, m, d]), unit, roundUp)
  // [fyStartMonth, date, unit, roundUp, expected, expected is endOf('M') of it]
  const FISCAL: [
    number,
    [number, number, number],
    'y' | 'Q',
    boolean,
    [number, number, number],
    boolean,
  ][] = [
    [1, [2021, 3, 5], 'y', false, [2021, 1, 1], false],
    [1, [2022, 0, 2], 'y', false, [2021, 1, 1], false],
    [1, [2020, 1, 29], 'y', false, [2020, 1, 1], false],
    [1, [2021, 5, 2], 'y', true, [2022, 0, 1], true],
    [1, [2022, 0, 1], 'y', true, [2022, 0, 1], true],
    [1, [2020, 1, 29], 'y', true, [2021, 0, 1], true],
    [1, [2021, 6, 1], 'Q', false, [2021, 4, 1], false],
    [1, [2022, 0, 1], 'Q', false, [2021, 10, 1], false],
    [1, [2021, 6, 1], 'Q', true, [2021, 6, 1], true],
    [1, [2022, 0, 1], 'Q', true, [2022, 0, 31], true],
    // "should handle fyStartMonths set later in the year correctly"
    [10, [2022, 0, 1], 'Q', false, [2021, 10, 1], false],
  ];
  describe.each(['Pacific/Easter', 'UTC'])('round to fiscal start/end, TZ=%s', (tz) => {
    beforeAll(() => {
      process.env.TZ = tz;
    });
    it.each(FISCAL)('fy %i, %j, %s, roundUp %s', (fy, date, unit, up, want, endOfMonth) => {
      const t = new Date(...date).getTime();
      const expected = endOfMonth
        ? new Date(want[0], want[1] + 1, 1).getTime() - 1
        : new Date(...want).getTime();
      expect(roundToFiscal(t, unit, up, { fiscalYearStartMonth: fy })).toBe(expected);
    });
  });
});

describe('grafana rangeutil.test.ts', () => {
  // packages/grafana-data/src/datetime/rangeutil.test.ts — "convertRawToRange"
  describe('convertRawToRange', () => {
    const raw = { from: '1996-07-30 16:00:00', to: '1996-07-30 16:20:00' };
    it('should serialize the default format by default (Pacific/Easter, both ways)', () => {
      for (const [tz, timezone] of [
        ['Pacific/Easter', 'browser'],
        ['UTC', 'Pacific/Easter'],
      ] as const) {
        process.env.TZ = tz;
        const r = resolveRange(raw, UNIX, { timezone });
        const start = 'start' in r ? r.start : Number.NaN;
        expect(formatDate(start, 'YYYY-MM-DDTHH:mm:ssZ', timezone)).toBe(
          '1996-07-30T16:00:00-06:00',
        );
      }
    });
    it('should take timezone into account', () => {
      process.env.TZ = 'Pacific/Easter';
      expect(resolveRange(raw, UNIX, { timezone: 'UTC' })).toEqual({
        start: Date.UTC(1996, 6, 30, 16),
        end: Date.UTC(1996, 6, 30, 16, 20),
      });
    });
  });

  // "describe_interval"
  describe('describe_interval', () => {
    it.each([
      ['123', { sec: 1, type: 's', count: 123 }, 'falls back to seconds if input is a number'],
      ['123h', { sec: 3600, type: 'h', count: 123 }, 'parses a valid time unit string'],
      ['-50ms', { sec: 0.001, type: 'ms', count: -50 }, 'negative values as well'],
    ])('%j (%s)', (text, want) => {
      expect(describeInterval(text)).toEqual(want);
    });
    it.each(['123xyz', 'xyz'])('fails if input is invalid: %j', (text) => {
      expect(describeInterval(text)).toBeNull();
    });
  });

  // "roundInterval" (the "rounds 14ms" case really asks 9 ms, as in Grafana)
  it.each([
    [9, 1],
    [9, 1],
    [34, 20],
    [74, 50],
    [149, 100],
    [349, 200],
    [749, 500],
    [1499, 1000],
    [3499, 2000],
    [7499, 5000],
    [12499, 10000],
    [17499, 15000],
    [24999, 20000],
    [44999, 30000],
    [89999, 60000],
    [209999, 120000],
    [449999, 300000],
    [749999, 600000],
    [1049999, 900000],
    [1499999, 1200000],
    [2699999, 1800000],
    [5399999, 3600000],
    [8999999, 7200000],
    [16199999, 10800000],
    [32399999, 21600000],
    [86399999, 43200000],
    [604799999, 86400000],
    [1814399999, 604800000],
    [3628799999, 2592000000],
    [3628800000, 31536000000],
  ])('roundInterval(%i) is %i', (ms, want) => {
    expect(roundInterval(ms)).toBe(want);
  });

  // "describeTimeRange" (and the same names with localeFormatPreference on)
  describe('describeTimeRange', () => {
    it.each([
      ['now-5m', 'now', 'Last 5 minutes'],
      ['now-15m', 'now', 'Last 15 minutes'],
      ['now-1h', 'now', 'Last 1 hour'],
      ['now-24h', 'now', 'Last 24 hours'],
      ['now-7d', 'now', 'Last 7 days'],
      ['now-30d', 'now', 'Last 30 days'],
      ['now/d', 'now/d', 'Today'],
      ['now/d', 'now', 'Today so far'],
      ['now/w', 'now/w', 'This week'],
      ['now/M', 'now/M', 'This month'],
      ['now/y', 'now/y', 'This year'],
      ['now-1d/d', 'now-1d/d', 'Yesterday'],
      ['now-1w/w', 'now-1w/w', 'Previous week'],
      ['now-1M/M', 'now-1M/M', 'Previous month'],
      ['now-1y/y', 'now-1y/y', 'Previous year'],
      ['now/fQ', 'now/fQ', 'This fiscal quarter'],
      ['now/fy', 'now/fy', 'This fiscal year'],
      ['now-1Q/fQ', 'now-1Q/fQ', 'Previous fiscal quarter'],
      ['now-1y/fy', 'now-1y/fy', 'Previous fiscal year'],
      // the localeFormatPreference table: the same names
      ['now-7d', 'now', 'Last 7 days'],
      ['now/w', 'now/w', 'This week'],
    ])('%s to %s is "%s"', (from, to, want) => {
      expect(describeRange({ from, to })).toBe(want);
    });

    it('should prioritize custom quick ranges over standard ranges', () => {
      const quickRanges = [{ from: 'now-5m', to: 'now', label: 'Lightning round!' }];
      expect(describeRange({ from: 'now-5m', to: 'now' }, { quickRanges })).toBe(
        'Lightning round!',
      );
    });

    it('should handle empty and absent custom ranges', () => {
      expect(describeRange({ from: 'now-5m', to: 'now' }, { quickRanges: [] })).toBe(
        'Last 5 minutes',
      );
      expect(describeRange({ from: 'now-5m', to: 'now' }, {})).toBe('Last 5 minutes');
    });

    // Absolute sides: the URL holds epoch ms, as Grafana's does after a zoom.
    const from = String(Date.UTC(2023, 0, 15, 10, 30));
    const to = String(Date.UTC(2023, 0, 15, 14, 45));
    const now = Date.UTC(2023, 0, 15, 14, 45, 10);

    it.each([
      ['Pacific/Easter', 'browser'],
      ['UTC', 'Pacific/Easter'],
    ])('should format with the default timezone (TZ=%s, timezone %s)', (tz, timezone) => {
      process.env.TZ = tz;
      expect(describeRange({ from, to }, { timezone })).toBe(
        '2023-01-15 05:30:00 to 2023-01-15 09:45:00',
      );
      expect(
        describeRange({ from, to: 'now' }, { timezone, now: Date.UTC(2023, 0, 15, 10, 30, 5) }),
      ).toBe('2023-01-15 05:30:00 to a few seconds ago');
      expect(describeRange({ from: 'now-1h', to }, { timezone, now })).toBe(
        'an hour ago to 2023-01-15 09:45:00',
      );
    });

    it('should respect timezone in datetime formatting', () => {
      expect(describeRange({ from, to }, { timezone: 'Australia/Sydney' })).toBe(
        '2023-01-15 21:30:00 to 2023-01-16 01:45:00',
      );
    });

    it('should handle invalid relative expressions', () => {
      expect(describeRange({ from, to: 'invalid-expression' }, { timezone: 'utc' })).toContain(
        'Invalid date',
      );
    });
  });
});
