import { describe, expect, it } from 'vitest';
import { axisFormatter, formatValue } from './units.ts';

describe('formatValue', () => {
  it.each([
    [1e-10, '0.100 ns'],
    [0.000_000_5, '500 ns'],
    [0.000_012_3, '12.3 µs'],
    [0.0123, '12.3 ms'],
    [2.5, '2.50 s'],
    [90, '1.50 min'],
    [5400, '1.50 hour'],
    [172_800, '2.00 day'],
    [43_200_000, '500 day'],
  ])('s: %d → %s', (value, text) => {
    expect(formatValue(value, 's')).toBe(text);
  });

  it.each([
    [0.5, '500 µs'],
    [12, '12.0 ms'],
    [999, '999 ms'],
    [1500, '1.50 s'],
    [120_000, '2.00 min'],
    [-1500, '-1.50 s'],
  ])('ms: %d → %s', (value, text) => {
    expect(formatValue(value, 'ms')).toBe(text);
  });

  it('moves to the next scale when rounding reaches it', () => {
    expect(formatValue(59.99, 's')).toBe('1.00 min');
    expect(formatValue(59.9, 's')).toBe('59.9 s');
    expect(formatValue(0.999_96, 's')).toBe('1.00 s');
    expect(formatValue(1023.9, 'bytes')).toBe('1.00 KiB');
    expect(formatValue(999.95)).toBe('1 K');
  });

  it.each([
    [0.5, '0.500 req/s'],
    [12.3, '12.3 req/s'],
    [1200, '1.20K req/s'],
    [3_400_000, '3.40M req/s'],
    [2e9, '2.00B req/s'],
  ])('reqps: %d → %s', (value, text) => {
    expect(formatValue(value, 'reqps')).toBe(text);
  });

  it('formats percentages given as 0–100 or 0–1', () => {
    expect(formatValue(12.345, 'percent')).toBe('12.3%');
    expect(formatValue(100, 'percent')).toBe('100%');
    expect(formatValue(0.1234, 'percentunit')).toBe('12.3%');
    expect(formatValue(1, 'percentunit')).toBe('100%');
    expect(formatValue(0.005, 'percentunit')).toBe('0.500%');
  });

  it.each([
    [512, '512 B'],
    [1536, '1.50 KiB'],
    [5 * 1024 ** 2, '5.00 MiB'],
    [1.25 * 1024 ** 3, '1.25 GiB'],
    [2 * 1024 ** 4, '2.00 TiB'],
  ])('bytes: %d → %s', (value, text) => {
    expect(formatValue(value, 'bytes')).toBe(text);
  });

  it.each([
    [0.000123, '0.000123'],
    [42, '42'],
    [Math.PI, '3.14'],
    [2.5, '2.5'],
    [-7, '-7'],
    [999, '999'],
    [1200, '1.2 K'],
    [123_456, '123 K'],
    [2_500_000, '2.5 Mil'],
    [7e9, '7 Bil'],
    [1.5e12, '1.5 Tri'],
  ])('short: %d → %s', (value, text) => {
    expect(formatValue(value, 'short')).toBe(text);
    expect(formatValue(value)).toBe(text);
    expect(formatValue(value, 'none')).toBe(text);
    expect(formatValue(value, '')).toBe(text);
  });

  it('shows zero in the unit it was given in', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(0, 's')).toBe('0 s');
    expect(formatValue(0, 'ms')).toBe('0 ms');
    expect(formatValue(0, 'bytes')).toBe('0 B');
    expect(formatValue(0, 'percentunit')).toBe('0%');
    expect(formatValue(-0, 'reqps')).toBe('0 req/s');
    expect(formatValue(0, 's', 2)).toBe('0.00 s');
  });

  it('fixes the decimals when asked', () => {
    expect(formatValue(2.5, 's', 0)).toBe('3 s');
    expect(formatValue(Math.PI, undefined, 3)).toBe('3.142');
    expect(formatValue(42, 'short', 2)).toBe('42.00');
    expect(formatValue(1234.5, 'short', 1)).toBe('1.2 K');
    expect(formatValue(0.4, 's', 0)).toBe('400 ms');
    expect(formatValue(12.345, 'percent', 1.6)).toBe('12.35%');
    expect(formatValue(1, undefined, -3)).toBe('1');
  });

  it('shows missing values as an em dash', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined, 's')).toBe('—');
    expect(formatValue(Number.NaN, 'bytes')).toBe('—');
  });

  it('shows infinities the way Prometheus prints them', () => {
    expect(formatValue(Number.POSITIVE_INFINITY, 's')).toBe('+Inf');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('-Inf');
  });

  it('treats an unknown unit as a suffix on a short number', () => {
    expect(formatValue(0.5, 'widgets')).toBe('0.5 widgets');
    expect(formatValue(3000, 'widgets')).toBe('3 K widgets');
  });
});

describe('axisFormatter', () => {
  it('drops trailing zeros', () => {
    const seconds = axisFormatter('s');
    expect([0, 0.25, 0.5, 1, 1.5, 60, 90, 120].map(seconds)).toEqual([
      '0 s',
      '250 ms',
      '500 ms',
      '1 s',
      '1.5 s',
      '1 min',
      '1.5 min',
      '2 min',
    ]);
    expect(axisFormatter('bytes')(2 * 1024 ** 2)).toBe('2 MiB');
    expect(axisFormatter('percentunit')(0.25)).toBe('25%');
    expect(axisFormatter('reqps')(1500)).toBe('1.5K req/s');
  });

  it('hides float noise in tick values', () => {
    const short = axisFormatter();
    expect(short(0.1 + 0.2)).toBe('0.3');
    expect(short(1000)).toBe('1 K');
    expect(short(0.000_001_5)).toBe('0.0000015');
    expect(short(1e-7)).toBe('1e-7');
  });
});
