// auto-interval.ts's rounding and "auto", checked against values Grafana gives.
import { describe, expect, it } from 'vitest';
import { autoInterval, roundInterval } from './auto-interval.ts';

describe('auto intervals', () => {
  it('rounds as Grafana does', () => {
    expect(roundInterval(1_000)).toBe(1_000);
    expect(roundInterval(40_000)).toBe(30_000);
    expect(roundInterval(100_000)).toBe(120_000);
    expect(autoInterval(24 * 3_600_000, 30, '10s')).toBe('1h');
    expect(autoInterval(60_000, 30, '10s')).toBe('10s');
  });
});
