import { describe, expect, it } from 'vitest';
import { readTimeSettings, utcOffsetS } from './time-settings.ts';

describe('readTimeSettings', () => {
  it('reads the zone, week start, fiscal year and quick ranges', () => {
    const s = readTimeSettings({
      timezone: 'Asia/Tokyo',
      weekStart: 'monday',
      fiscalYearStartMonth: 3,
      timepicker: { quick_ranges: [{ display: 'Shift', from: 'now/d+8h', to: 'now/d+16h' }] },
    });
    expect(s).toEqual({
      timezone: 'Asia/Tokyo',
      weekStart: 1,
      fiscalYearStartMonth: 3,
      quickRanges: [{ from: 'now/d+8h', to: 'now/d+16h', label: 'Shift' }],
    });
  });

  it.each([
    [{}, 'browser'],
    [{ timezone: '' }, 'browser'],
    [{ timezone: 'utc' }, 'utc'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'browser'],
    [{ timezone: 42 }, 'browser'],
  ])('%j is read in the zone %s', (dash, zone) => {
    expect(readTimeSettings(dash).timezone).toBe(zone);
  });

  it('falls back to Grafana’s defaults for values it cannot use', () => {
    const s = readTimeSettings({
      weekStart: 'someday',
      fiscalYearStartMonth: 12,
      timepicker: { quick_ranges: [{ from: 'now-1h' }, null, 'x', { from: 'now-2h', to: 'now' }] },
    });
    expect(s.weekStart).toBeUndefined();
    expect(s.fiscalYearStartMonth).toBe(0);
    expect(s.quickRanges).toEqual([{ from: 'now-2h', to: 'now', label: 'now-2h to now' }]);
  });
});

describe('utcOffsetS', () => {
  it('is the zone’s offset at that moment, summer time included', () => {
    expect(utcOffsetS({ timezone: 'Asia/Tokyo' }, Date.UTC(2024, 0, 1))).toBe(9 * 3600);
    expect(utcOffsetS({ timezone: 'utc' }, Date.UTC(2024, 0, 1))).toBe(0);
    expect(utcOffsetS({ timezone: 'Europe/Paris' }, Date.UTC(2024, 6, 1))).toBe(2 * 3600);
    expect(utcOffsetS({ timezone: 'Europe/Paris' }, Date.UTC(2024, 0, 1))).toBe(3600);
  });
});
