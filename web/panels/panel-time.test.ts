import { describe, expect, it } from 'vitest';
import { panelTime, timeOverrideInfo } from './panel-time.ts';

const HOUR = 3_600_000; // ms
const now = 1_700_000_000_000; // ms
const time = { start: now - 6 * HOUR, end: now, rev: 3 };

describe('panelTime', () => {
  it("leaves the dashboard's range alone without overrides", () => {
    expect(panelTime({}, time, now)).toBe(time);
    expect(panelTime({ timeFrom: null, timeShift: '' }, time, now)).toBe(time);
    expect(timeOverrideInfo({})).toEqual({ info: '', errors: [] });
  });

  it("relative time: the last span up to now, in either of Grafana's spellings", () => {
    for (const timeFrom of ['1h', 'now-1h']) {
      expect(panelTime({ timeFrom }, time, now)).toEqual({ start: now - HOUR, end: now, rev: 3 });
      expect(timeOverrideInfo({ timeFrom })).toEqual({ info: 'Last 1h', errors: [] });
    }
  });

  it('time shift moves the range back; both together shift the relative range', () => {
    expect(panelTime({ timeShift: '1d' }, time, now)).toEqual({
      start: now - 30 * HOUR,
      end: now - 24 * HOUR,
      rev: 3,
    });
    const both = { timeFrom: '2h', timeShift: '1h' };
    expect(panelTime(both, time, now)).toMatchObject({ start: now - 3 * HOUR, end: now - HOUR });
    expect(timeOverrideInfo(both).info).toBe('Last 2h · shifted 1h');
    expect(timeOverrideInfo({ timeShift: '1h', hideTimeOverride: true }).info).toBe('');
  });

  it('a value that is not a duration is reported and ignored', () => {
    const bad = { timeFrom: 'yesterday', timeShift: '-1h' };
    expect(panelTime(bad, time, now)).toBe(time);
    expect(timeOverrideInfo(bad).errors).toEqual([
      'relative time "yesterday" is not a duration',
      'time shift "-1h" is not a duration',
    ]);
  });
});
