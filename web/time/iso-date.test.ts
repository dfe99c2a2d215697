import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './iso-date.ts';

describe('parseIsoDate', () => {
  it('reads dates with an offset as that instant', () => {
    expect(parseIsoDate('2024-01-02T03:04:05Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseIsoDate('2024-01-02T03:04:05.678Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
    expect(parseIsoDate('2024-01-02T03:04:05+02:00')).toBe(Date.UTC(2024, 0, 2, 1, 4, 5));
    expect(parseIsoDate('2024-01-02T03:04-0530')).toBe(Date.UTC(2024, 0, 2, 8, 34));
  });

  it('keeps ms and drops finer fractions', () => {
    expect(parseIsoDate('2024-01-02T03:04:05.1Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 100));
    expect(parseIsoDate('2024-01-02T03:04:05.123456789Z')).toBe(Date.UTC(2024, 0, 2, 3, 4, 5, 123));
  });

  it('reads dates without an offset as local time, like Grafana', () => {
    expect(parseIsoDate('2024-01-02')).toBe(new Date(2024, 0, 2).getTime());
    expect(parseIsoDate('2024-01-02T03:04')).toBe(new Date(2024, 0, 2, 3, 4).getTime());
    expect(parseIsoDate('2024-01-02 03:04:05.5')).toBe(
      new Date(2024, 0, 2, 3, 4, 5, 500).getTime(),
    );
  });

  it('accepts leap days only in leap years', () => {
    expect(parseIsoDate('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseIsoDate('2023-02-29T00:00:00Z')).toBeNull();
    expect(parseIsoDate('1900-02-29T00:00:00Z')).toBeNull();
  });

  it('does not map years below 100 to the 1900s', () => {
    expect(parseIsoDate('0050-01-01T00:00:00Z')).toBe(-60_589_296_000_000);
  });

  it.each([
    '',
    '2024',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-04-31',
    '2024-01-02T24:00:00Z',
    '2024-01-02T03:60Z',
    '2024-01-02T03:04:60Z',
    '2024-01-02T03:04:05+25:00',
    '2024-01-02T03:04:05+02:60',
    '2024-1-2',
    '02/01/2024',
    '2024-01-02T03',
    '2024-01-02Z',
    'now',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});
