import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './time-format.ts';

const at = (h: number, m: number, s = 0, day = 22) =>
  new Date(2026, 10, day, h, m, s).getTime() / 1000;

describe('formatTimestamp', () => {
  it('prints local date and 24-hour time with seconds', () => {
    expect(formatTimestamp(at(14, 5, 30) * 1000)).toBe('2026-11-22 14:05:30');
    expect(formatTimestamp(at(0, 0, 0, 3) * 1000)).toBe('2026-11-03 00:00:00');
  });
});
