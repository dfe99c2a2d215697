import { describe, expect, it } from 'vitest';
import { addUnits, endOf, isCalendarUnit, startOf } from './calendar.ts';

// Local-time expectations built with Date setters, so the tests hold in every time zone.
const local = (...fields: [number, number, number?, number?, number?, number?, number?]) =>
  new Date(...fields).getTime();

describe('isCalendarUnit', () => {
  it('accepts exactly the Grafana units', () => {
    expect(['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'y'].every(isCalendarUnit)).toBe(true);
    expect(['', 'ms', 'H', 'D', 'q', 'x', 'f', undefined].some(isCalendarUnit)).toBe(false);
  });
});

describe('addUnits', () => {
  const t = local(2024, 4, 31, 13, 14, 15, 16);

  it('adds fixed ms for s, m and h', () => {
    expect(addUnits(t, 5, 's')).toBe(t + 5_000);
    expect(addUnits(t, -2, 'm')).toBe(t - 120_000);
    expect(addUnits(t, 3, 'h')).toBe(t + 10_800_000);
  });

  it('keeps the wall-clock time for days and weeks', () => {
    expect(addUnits(t, 1, 'd')).toBe(local(2024, 5, 1, 13, 14, 15, 16));
    expect(addUnits(t, -1, 'w')).toBe(local(2024, 4, 24, 13, 14, 15, 16));
  });

  it('clamps the day for months and years', () => {
    expect(addUnits(t, 1, 'M')).toBe(local(2024, 5, 30, 13, 14, 15, 16));
    expect(addUnits(t, -3, 'M')).toBe(local(2024, 1, 29, 13, 14, 15, 16));
    expect(addUnits(t, 13, 'M')).toBe(local(2025, 5, 30, 13, 14, 15, 16));
    expect(addUnits(local(2024, 1, 29), 4, 'y')).toBe(local(2028, 1, 29));
    expect(addUnits(local(2024, 1, 29), -1, 'y')).toBe(local(2023, 1, 28));
  });

  it('keeps the wall-clock time across DST changes where the zone has them', () => {
    // 1 Mar to 15 Apr crosses the spring change in the north and the autumn one in the south.
    const before = local(2024, 2, 1, 12);
    expect(addUnits(before, 45, 'd')).toBe(local(2024, 3, 15, 12));
  });
});

describe('startOf and endOf', () => {
  const t = local(2024, 6, 4, 5, 6, 7, 8); // a Thursday
  const monday = { weekStart: 1 } as const;

  it('bounds each unit', () => {
    expect([startOf(t, 'h'), endOf(t, 'h')]).toEqual([
      local(2024, 6, 4, 5),
      local(2024, 6, 4, 5, 59, 59, 999),
    ]);
    expect([startOf(t, 'w', monday), endOf(t, 'w', monday)]).toEqual([
      local(2024, 6, 1),
      local(2024, 6, 7, 23, 59, 59, 999),
    ]);
    expect([startOf(t, 'y'), endOf(t, 'y')]).toEqual([
      local(2024, 0, 1),
      local(2024, 11, 31, 23, 59, 59, 999),
    ]);
  });

  it('is idempotent', () => {
    for (const unit of ['s', 'm', 'h', 'd', 'w', 'M', 'Q', 'y'] as const) {
      expect(startOf(startOf(t, unit), unit)).toBe(startOf(t, unit));
      expect(endOf(endOf(t, unit), unit)).toBe(endOf(t, unit));
    }
  });

  it('finds the week start across a month boundary', () => {
    expect(startOf(local(2024, 7, 1, 9), 'w', monday)).toBe(local(2024, 6, 29));
    expect(startOf(local(2024, 7, 1, 9), 'w', { weekStart: 0 })).toBe(local(2024, 6, 28));
    expect(startOf(local(2024, 7, 1, 9), 'w', { weekStart: 6 })).toBe(local(2024, 6, 27));
  });

  it('bounds quarters', () => {
    expect([startOf(t, 'Q'), endOf(t, 'Q')]).toEqual([
      local(2024, 6, 1),
      local(2024, 8, 30, 23, 59, 59, 999),
    ]);
    expect(addUnits(local(2024, 10, 30), 1, 'Q')).toBe(local(2025, 1, 28));
  });
});
