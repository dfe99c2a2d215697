import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['5s', 5_000],
    ['1m', 60_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['1d2h3m4s5ms', 93_784_005],
    ['0s', 0],
    [' 15m ', 900_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('reads a plain number as seconds', () => {
    expect(parseDuration('15')).toBe(15_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('0.5')).toBe(500);
  });

  it.each(['', '   ', 'abc', '1.5h', '-5m', '5 m', '30m1h', '1h1h', '5M', '1ms1s', '.5', '1e3'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [5_000, '5s'],
    [1_500, '1s500ms'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [5_400_000, '1h30m'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [1_209_600_000, '2w'],
    [31_536_000_000, '1y'],
    [93_784_005, '1d2h3m4s5ms'],
    [1, '1ms'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('uses weeks and years only when they divide the whole duration, like Prometheus', () => {
    expect(formatDuration(8 * 86_400_000)).toBe('8d');
    expect(formatDuration(366 * 86_400_000)).toBe('366d');
    expect(formatDuration(604_800_000 + 1000)).toBe('7d1s');
  });

  it('rounds to whole ms', () => {
    expect(formatDuration(1499.6)).toBe('1s500ms');
    expect(formatDuration(0.4)).toBe('0s');
  });

  it('prefixes negative durations with a minus sign', () => {
    expect(formatDuration(-90_000)).toBe('-1m30s');
  });

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 999, 61_000, 3_723_000, 90_061_001, 604_800_000, 31_536_000_000]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});
