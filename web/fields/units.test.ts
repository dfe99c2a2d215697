// What Promscope adds around Grafana's formatters (missing values, infinities, decimals as
// a panel gives them, axis ticks) and checks over the whole catalogue. Grafana's own cases
// are in units.grafana.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, unitFormatter } from './unit-catalogue.ts';
import { setTimeZoneResolver } from './unit-date.ts';
import { axisFormatter, formatValue, loadUnitCatalogue, stepDecimals } from './units.ts';

// The catalogue loads lazily in the app; these tests format every unit, so load it first.
beforeAll(() => loadUnitCatalogue());

describe('formatValue', () => {
  it.each([
    [1e-10, '0.100 ns'],
    [0.000_000_5, '500 ns'],
    [0.000_012_3, '12.3 µs'],
    [0.0123, '12.3 ms'],
    [2.5, '2.50 s'],
    [59.99, '60.0 s'], // the scale is chosen by the value, not by its rounded text
    [90, '1.50 min'],
    [5400, '1.50 hour'],
    [172_800, '2 day'],
    [1_209_600, '2 week'],
    [43_200_000, '1.37 year'],
  ])('s: %d → %s', (value, text) => {
    expect(formatValue(value, 's')).toBe(text);
  });

  it.each([
    [0.5, '0.500 ms'],
    [12, '12 ms'],
    [1500, '1.50 s'],
    [120_000, '2 min'],
    [-1500, '-1.50 s'],
  ])('ms: %d → %s', (value, text) => {
    expect(formatValue(value, 'ms')).toBe(text);
  });

  it.each([
    [0.5, '0.500 req/s'],
    [12.3, '12.3 req/s'],
    [1200, '1.20K req/s'],
    [3_400_000, '3.40M req/s'],
    [2e9, '2B req/s'],
  ])('reqps: %d → %s', (value, text) => {
    expect(formatValue(value, 'reqps')).toBe(text);
  });

  it.each([
    [512, '512 B'],
    [1536, '1.50 KiB'],
    [1023.9, '1024 B'], // not 1.00 KiB: scaled by the value itself
    [5 * 1024 ** 2, '5 MiB'],
    [1.25 * 1024 ** 3, '1.25 GiB'],
  ])('bytes: %d → %s', (value, text) => {
    expect(formatValue(value, 'bytes')).toBe(text);
  });

  it('never abbreviates `none` or no unit; `short` keeps three significant digits', () => {
    for (const unit of ['none', '', undefined]) {
      expect(formatValue(1500, unit)).toBe('1500');
      expect(formatValue(1234567.891, unit)).toBe('1234568');
      expect(formatValue(Math.PI, unit)).toBe('3.14');
    }
    expect(formatValue(1500, 'short')).toBe('1.50 K');
    expect(formatValue(123_456, 'short')).toBe('123 K');
    expect(formatValue(7e9, 'short')).toBe('7 Bil');
    expect(formatValue(0.000123, 'short')).toBe('0.000123');
  });

  it('shows an unknown id as a plain suffix, the number not rescaled', () => {
    expect(formatValue(0.5, 'widgets')).toBe('0.500 widgets');
    expect(formatValue(3000, 'widgets')).toBe('3000 widgets');
    expect(formatValue(3000, 'nosuch:kind')).toBe('3000 nosuch:kind');
  });

  it('reads the custom forms', () => {
    expect(formatValue(1, 'bool:up/down')).toBe('up');
    expect(formatValue(0, 'bool:up/down')).toBe('down');
    expect(formatValue(0, 'bool:up')).toBe('-');
    expect(formatValue(2048, 'si:kB')).toBe('2.05 MB');
    expect(formatValue(0, 'time:YYYY-MM-DD [at] HH:mm', undefined, { timeZone: 'utc' })).toBe(
      '1970-01-01 at 00:00',
    );
  });

  it('formats zero with the decimals asked', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0, 's')).toBe('0 s');
    expect(formatValue(0, 'ms')).toBe('0 ms');
    expect(formatValue(0, 'bytes')).toBe('0 B');
    expect(formatValue(0, 'percentunit')).toBe('0%');
    expect(formatValue(-0, 'reqps')).toBe('0 req/s');
    expect(formatValue(0, 'short', 2)).toBe('0.00');
  });

  it('takes decimals as a panel gives them: rounded, from 0 to 20', () => {
    expect(formatValue(2.5, 's', 0)).toBe('3 s');
    expect(formatValue(Math.PI, undefined, 3)).toBe('3.142');
    expect(formatValue(42, 'short', 2)).toBe('42.00');
    expect(formatValue(1234.5, 'short', 1)).toBe('1.2 K');
    expect(formatValue(0.4, 's', 0)).toBe('400 ms');
    expect(formatValue(12.345, 'percent', 1.6)).toBe('12.35%');
    expect(formatValue(1, undefined, -3)).toBe('1');
    expect(formatValue(1, undefined, Number.NaN)).toBe('1');
    expect(formatValue(1, undefined, 99)).toBe(`1.${'0'.repeat(20)}`);
  });

  it('shows a missing value as an em dash and NaN as NaN', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined, 's')).toBe('—');
    expect(formatValue(Number.NaN, 'bytes')).toBe('NaN');
  });

  it('spells the infinities as Prometheus does, whatever the unit', () => {
    expect(formatValue(Number.POSITIVE_INFINITY, 's')).toBe('+Inf');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-Inf');
    expect(formatValue(Number.POSITIVE_INFINITY, 'dateTimeAsIso')).toBe('+Inf');
  });

  it('reads date units in the zone asked, the browser by default', () => {
    const t = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(formatValue(t, 'dateTimeAsIso', undefined, { timeZone: 'utc' })).toBe(
      '2024-01-02 03:04:05',
    );
    expect(formatValue(t, 'dateTimeAsIso', undefined, { timeZone: 'America/New_York' })).toBe(
      '2024-01-01 22:04:05',
    );
    expect(
      formatValue(t, 'time:Do MMM YYYY, ddd h A Z', undefined, { timeZone: 'Asia/Kolkata' }),
    ).toBe('2nd Jan 2024, Tue 8 AM +05:30');
    expect(formatValue(t, 'dateTimeFromNow', undefined, { now: t + 90 * 60_000 })).toBe(
      '2 hours ago',
    );
    expect(formatValue(t, 'dateTimeFromNow', undefined, { now: t - 30_000 })).toBe(
      'in a few seconds',
    );
  });
});

describe('the catalogue', () => {
  const ids = CATEGORIES.flatMap((c) => c.units.map(([id]) => id));

  it('has every id once', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(250);
  });

  it('gives every id its own formatter, never the unknown-id suffix', () => {
    // The fallback is made afresh for each unknown id; a catalogue entry is always the same.
    const stable = (id: string) => {
      const [a, b] = [unitFormatter(id), unitFormatter(id)];
      return a === b;
    };
    expect(ids.filter((id) => !stable(id))).toEqual([]);
    expect(stable('widgets')).toBe(false);
  });

  it('formats a few of each kind as Grafana does', () => {
    expect(formatValue(1536, 'binBps')).toBe('1.50 KiB/s');
    expect(formatValue(1500, 'Bps')).toBe('1.50 kB/s');
    expect(formatValue(1e9, 'bps')).toBe('1 Gb/s');
    expect(formatValue(2048, 'bits')).toBe('2 Kib');
    expect(formatValue(1500, 'decbytes')).toBe('1.50 kB');
    expect(formatValue(42, 'iops')).toBe('42 io/s');
    expect(formatValue(1500, 'ops')).toBe('1.50K ops/s');
    expect(formatValue(23.5, 'celsius')).toBe('23.5 °C');
    expect(formatValue(-1234, 'currencyEUR')).toBe('-€1.23K');
    expect(formatValue(1234, 'currencySEK')).toBe('1.23Kkr');
    expect(formatValue(1, 'bool')).toBe('True');
    expect(formatValue(0, 'bool_yes_no')).toBe('No');
    expect(formatValue(1, 'bool_on_off')).toBe('On');
    expect(formatValue(12345, 'sci', 2)).toBe('1.23e+4');
    expect(formatValue(0.5, 'percentunit')).toBe('50%');
    expect(formatValue(90, 'm')).toBe('1.50 hour');
    expect(formatValue(36, 'h')).toBe('1.50 day');
    expect(formatValue(14, 'd')).toBe('2 week');
    expect(formatValue(1500, 'µs')).toBe('1.50 ms');
    expect(formatValue(12345, 'timeticks')).toBe('2.06 min');
    expect(formatValue(3661, 'dthms')).toBe('01:01:01');
    expect(formatValue(90, 'clocks')).toBe('01m:30s:000ms');
    expect(formatValue(3725, 'dtdurations')).toBe('1 hour');
    expect(formatValue(3725, 'dtdurations', 2)).toBe('1 hour, 2 minutes, 5 seconds');
    expect(formatValue(1500, 'pressurepsi')).toBe('1.50ksi');
  });
});

describe('axisFormatter', () => {
  it('takes the decimals of the tick step, as Grafana draws its axes', () => {
    const seconds = axisFormatter('s');
    expect([0, 0.25, 0.5, 0.75, 1].map((v) => seconds(v, 0.25))).toEqual([
      '0 s',
      '250.00 ms',
      '500.00 ms',
      '750.00 ms',
      '1.00 s',
    ]);
    expect([0, 60, 120].map((v) => seconds(v, 60))).toEqual(['0 s', '1 min', '2 min']);
    expect(axisFormatter('bytes')(2 * 1024 ** 2, 1024 ** 2)).toBe('2 MiB');
    expect(axisFormatter('percentunit')(0.25, 0.05)).toBe('25.00%');
    expect(axisFormatter('reqps')(1500, 500)).toBe('1.50K req/s');
  });

  it('prefers the panel decimals over the step', () => {
    expect(axisFormatter('s', 0)(0.25, 0.25)).toBe('250 ms');
  });

  it('hides float noise in the step', () => {
    expect(stepDecimals(0.1 + 0.2)).toBe(1);
    expect(stepDecimals(1000)).toBe(0);
    expect(stepDecimals(0.000_001_5)).toBe(6);
    expect(axisFormatter()(0.1 + 0.2, 0.1)).toBe('0.3');
    expect(axisFormatter('short')(1000, 500)).toBe('1 K');
  });
});

describe('date units in the dashboard time zone (setTimeZoneResolver)', () => {
  // 2017-09-17 07:56:37.920 UTC (dateTimeFormatters.test.ts's epoch).
  const epoch = 1505634997920;
  it('a unit without a zone of its own reads the resolver’s; a zone given wins', () => {
    const undo = setTimeZoneResolver(() => 'Asia/Tokyo');
    try {
      expect(formatValue(epoch, 'dateTimeAsIso')).toBe('2017-09-17 16:56:37');
      expect(formatValue(epoch, 'dateTimeAsUS')).toBe('09/17/2017 4:56:37 pm');
      expect(formatValue(epoch, 'time:YYYY-MM-DD HH:mm')).toBe('2017-09-17 16:56');
      expect(formatValue(epoch, 'dateTimeAsIso', undefined, { timeZone: 'utc' })).toBe(
        '2017-09-17 07:56:37',
      );
    } finally {
      undo();
    }
    expect(formatValue(epoch, 'dateTimeAsIso', undefined, { timeZone: 'utc' })).toBe(
      '2017-09-17 07:56:37',
    );
  });

  it('undoing an older resolver leaves a newer one in place', () => {
    const undoOld = setTimeZoneResolver(() => 'utc');
    const undoNew = setTimeZoneResolver(() => 'Asia/Tokyo');
    undoOld();
    try {
      expect(formatValue(epoch, 'dateTimeAsIso')).toBe('2017-09-17 16:56:37');
    } finally {
      undoNew();
    }
  });
});
