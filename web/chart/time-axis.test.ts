import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-axis.ts';

// Local-time expectations are built with local setters so the tests hold in any time zone.
const at = (h: number, m: number, s = 0, day = 22) =>
  new Date(2026, 10, day, h, m, s).getTime() / 1000;

describe('timeTicks', () => {
  it('shows 24-hour HH:mm for minute ticks within a day', () => {
    expect(timeTicks([at(2, 30), at(14, 5)], 300, 3600)).toEqual(['02:30', '14:05']);
  });

  it('adds seconds when ticks are under a minute apart', () => {
    expect(timeTicks([at(9, 0, 15)], 15, 300)).toEqual(['09:00:15']);
  });

  it('adds the date when the range spans days, and shows only the date for day ticks', () => {
    expect(timeTicks([at(6, 0)], 6 * 3600, 3 * 86_400)).toEqual(['11/22 06:00']);
    expect(timeTicks([at(0, 0, 0, 23)], 86_400, 7 * 86_400)).toEqual(['11/23']);
  });
});

describe('timeTicks in the dashboard’s zone', () => {
  // 2026-11-22 03:30 UTC is 12:30 in Tokyo and 22:30 the day before in New York.
  const t = Date.UTC(2026, 10, 22, 3, 30) / 1000;

  it.each([
    ['Asia/Tokyo', ['12:30'], ['11/22 12:30']],
    ['America/New_York', ['22:30'], ['11/21 22:30']],
    ['utc', ['03:30'], ['11/22 03:30']],
  ])('%s', (zone, short, long) => {
    expect(timeTicks([t], 300, 3600, zone)).toEqual(short);
    expect(timeTicks([t], 6 * 3600, 3 * 86_400, zone)).toEqual(long);
  });
});
