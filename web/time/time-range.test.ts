import { describe, expect, it } from 'vitest';
import {
  describeRange,
  isRelativeToNow,
  parseTimeExpr,
  QUICK_RANGES,
  resolveRange,
} from './time-range.ts';

// Wednesday 17 Jan 2024, 10:30:45.123 local time; expectations for calendar units are built
// with local Date setters so the tests pass in any time zone.
const NOW = new Date(2024, 0, 17, 10, 30, 45, 123).getTime();
const local = (...fields: [number, number, number?, number?, number?, number?, number?]) =>
  new Date(...fields).getTime();

describe('parseTimeExpr: relative', () => {
  it('resolves now', () => {
    expect(parseTimeExpr('now', NOW, false)).toBe(NOW);
    expect(parseTimeExpr('now', NOW, true)).toBe(NOW);
  });

  it('adds and subtracts fixed units', () => {
    expect(parseTimeExpr('now-5m', NOW, false)).toBe(NOW - 300_000);
    expect(parseTimeExpr('now+1h', NOW, false)).toBe(NOW + 3_600_000);
    expect(parseTimeExpr('now-30s', NOW, false)).toBe(NOW - 30_000);
  });

  it('moves calendar units along the local calendar', () => {
    expect(parseTimeExpr('now-1d', NOW, false)).toBe(local(2024, 0, 16, 10, 30, 45, 123));
    expect(parseTimeExpr('now-2w', NOW, false)).toBe(local(2024, 0, 3, 10, 30, 45, 123));
    expect(parseTimeExpr('now-1M', NOW, false)).toBe(local(2023, 11, 17, 10, 30, 45, 123));
    expect(parseTimeExpr('now+1y', NOW, false)).toBe(local(2025, 0, 17, 10, 30, 45, 123));
  });

  it('chains operations left to right', () => {
    expect(parseTimeExpr('now-1d-2h', NOW, false)).toBe(local(2024, 0, 16, 8, 30, 45, 123));
    expect(parseTimeExpr('now-1h+30m', NOW, false)).toBe(NOW - 1_800_000);
  });

  it('defaults a missing amount to 1', () => {
    expect(parseTimeExpr('now-h', NOW, false)).toBe(NOW - 3_600_000);
  });

  it('ignores whitespace around and inside the expression', () => {
    expect(parseTimeExpr('  now - 5m ', NOW, false)).toBe(NOW - 300_000);
  });

  it('clamps the day when months differ in length', () => {
    const mar31 = local(2024, 2, 31, 12);
    expect(parseTimeExpr('now-1M', mar31, false)).toBe(local(2024, 1, 29, 12));
    const feb29 = local(2024, 1, 29, 12);
    expect(parseTimeExpr('now+1y', feb29, false)).toBe(local(2025, 1, 28, 12));
  });
});

describe('parseTimeExpr: rounding', () => {
  it.each([
    ['now/s', local(2024, 0, 17, 10, 30, 45), local(2024, 0, 17, 10, 30, 45, 999)],
    ['now/m', local(2024, 0, 17, 10, 30), local(2024, 0, 17, 10, 30, 59, 999)],
    ['now/h', local(2024, 0, 17, 10), local(2024, 0, 17, 10, 59, 59, 999)],
    ['now/d', local(2024, 0, 17), local(2024, 0, 17, 23, 59, 59, 999)],
    ['now/w', local(2024, 0, 15), local(2024, 0, 21, 23, 59, 59, 999)],
    ['now/M', local(2024, 0, 1), local(2024, 0, 31, 23, 59, 59, 999)],
    ['now/y', local(2024, 0, 1), local(2024, 11, 31, 23, 59, 59, 999)],
  ])('%s rounds down for from and up for to', (expr, down, up) => {
    expect(parseTimeExpr(expr, NOW, false, { weekStart: 1 })).toBe(down);
    expect(parseTimeExpr(expr, NOW, true, { weekStart: 1 })).toBe(up);
  });

  it('rounds after moving: now-1d/d is all of yesterday', () => {
    expect(parseTimeExpr('now-1d/d', NOW, false)).toBe(local(2024, 0, 16));
    expect(parseTimeExpr('now-1d/d', NOW, true)).toBe(local(2024, 0, 16, 23, 59, 59, 999));
  });

  it('starts weeks on the weekStart day, also when now is that day or the one before', () => {
    const mon = { weekStart: 1 } as const;
    const sunday = local(2024, 0, 21, 18);
    expect(parseTimeExpr('now/w', sunday, false, mon)).toBe(local(2024, 0, 15));
    const monday = local(2024, 0, 22, 0, 0, 0, 1);
    expect(parseTimeExpr('now/w', monday, false, mon)).toBe(local(2024, 0, 22));
    expect(parseTimeExpr('now/w', sunday, false, { weekStart: 0 })).toBe(local(2024, 0, 21));
    expect(parseTimeExpr('now/w', sunday, false, { weekStart: 6 })).toBe(local(2024, 0, 20));
  });

  it('starts weeks on Sunday, moment’s `en`, when neither the dashboard nor Node’s locale says', () => {
    expect(parseTimeExpr('now/w', NOW, false)).toBe(local(2024, 0, 14));
  });

  it('ends February on the 29th in a leap year', () => {
    const feb10 = local(2024, 1, 10);
    expect(parseTimeExpr('now/M', feb10, true)).toBe(local(2024, 1, 29, 23, 59, 59, 999));
  });

  it('accepts /1d but not rounding to several units', () => {
    expect(parseTimeExpr('now/1d', NOW, false)).toBe(local(2024, 0, 17));
    expect(parseTimeExpr('now/2d', NOW, false)).toBeNull();
  });
});

describe('parseTimeExpr: absolute', () => {
  it('reads a digit string as epoch ms', () => {
    expect(parseTimeExpr('1700000000000', NOW, false)).toBe(1_700_000_000_000);
    expect(parseTimeExpr('0', NOW, true)).toBe(0);
  });

  it('reads ISO 8601 dates', () => {
    expect(parseTimeExpr('2024-01-02T03:04:05Z', NOW, false)).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(parseTimeExpr('2024-01-02', NOW, true)).toBe(local(2024, 0, 2));
    expect(parseTimeExpr('2024-02-30', NOW, false)).toBeNull();
  });
});

describe('parseTimeExpr: invalid', () => {
  it.each([
    '',
    'yesterday',
    'now-',
    'now-5',
    'now-5x',
    'now*2h',
    'now-5mm',
    'now/',
    'now-1.5h',
    'Now-5m',
    '-1700000000000',
  ])('rejects %j', (expr) => {
    expect(parseTimeExpr(expr, NOW, false)).toBeNull();
  });

  it('rejects math that leaves the representable date range', () => {
    expect(parseTimeExpr('now+999999999y', NOW, false)).toBeNull();
    expect(parseTimeExpr('now+99999999999h', NOW, false)).toBeNull();
    expect(parseTimeExpr('99999999999999999999', NOW, false)).toBeNull();
    expect(parseTimeExpr('8640000000000000', NOW, false)).toBe(8.64e15);
  });
});

describe('resolveRange', () => {
  it('resolves both sides, rounding to up', () => {
    expect(resolveRange({ from: 'now-6h', to: 'now' }, NOW)).toEqual({
      start: NOW - 6 * 3_600_000,
      end: NOW,
    });
    expect(resolveRange({ from: 'now/d', to: 'now/d' }, NOW)).toEqual({
      start: local(2024, 0, 17),
      end: local(2024, 0, 17, 23, 59, 59, 999),
    });
  });

  it('mixes absolute and relative sides', () => {
    expect(resolveRange({ from: '1700000000000', to: 'now' }, NOW)).toEqual({
      start: 1_700_000_000_000,
      end: NOW,
    });
  });

  it('reports the invalid side', () => {
    expect(resolveRange({ from: 'soon', to: 'now' }, NOW)).toEqual({
      error: 'Invalid "from" time: soon',
    });
    expect(resolveRange({ from: 'now-1h', to: 'later' }, NOW)).toEqual({
      error: 'Invalid "to" time: later',
    });
  });

  it('rejects empty and inverted ranges', () => {
    expect(resolveRange({ from: 'now', to: 'now' }, NOW)).toEqual({
      error: '"from" must be before "to"',
    });
    expect(resolveRange({ from: 'now', to: 'now-1h' }, NOW)).toEqual({
      error: '"from" must be before "to"',
    });
  });
});

describe('QUICK_RANGES', () => {
  it('lists Grafana’s picker ranges, last ones first', () => {
    expect(QUICK_RANGES).toHaveLength(36);
    expect(QUICK_RANGES.slice(0, 3).map((q) => [q.from, q.to, q.label])).toEqual([
      ['now-5m', 'now', 'Last 5 minutes'],
      ['now-15m', 'now', 'Last 15 minutes'],
      ['now-30m', 'now', 'Last 30 minutes'],
    ]);
    expect(QUICK_RANGES.at(-1)).toEqual({
      from: 'now/fy',
      to: 'now/fy',
      label: 'This fiscal year',
    });
  });

  it('are all valid ranges', () => {
    for (const q of QUICK_RANGES) expect(resolveRange(q, NOW)).not.toHaveProperty('error');
  });
});

describe('describeRange', () => {
  it('uses the quick range label', () => {
    expect(describeRange({ from: 'now-24h', to: 'now' })).toBe('Last 24 hours');
    expect(describeRange({ from: ' now-5m', to: 'now ' })).toBe('Last 5 minutes');
  });

  it('words any other now-N<unit> range ending now', () => {
    expect(describeRange({ from: 'now-3h', to: 'now' })).toBe('Last 3 hours');
    expect(describeRange({ from: 'now-1d', to: 'now' })).toBe('Last 1 day');
    expect(describeRange({ from: 'now-30s', to: 'now' })).toBe('Last 30 seconds');
    expect(describeRange({ from: 'now-2w', to: 'now' })).toBe('Last 2 weeks');
    expect(describeRange({ from: 'now-6M', to: 'now' })).toBe('Last 6 months');
    expect(describeRange({ from: 'now-1y', to: 'now' })).toBe('Last 1 year');
  });

  it('falls back to from to to', () => {
    expect(describeRange({ from: 'now-2d/d', to: 'now-1d/d' })).toBe('now-2d/d to now-1d/d');
    expect(describeRange({ from: 'now-3h', to: 'now-1h' })).toBe('now-3h to now-1h');
    // Grafana's describeTextRange words any count, 0 too.
    expect(describeRange({ from: 'now-0h', to: 'now' })).toBe('Last 0 hour');
    expect(describeRange({ from: '2024-01-02', to: '2024-01-03' })).toBe(
      '2024-01-02 00:00:00 to 2024-01-03 00:00:00',
    );
  });

  it('shows epoch milliseconds (a drag-zoom) as local date and time', () => {
    const from = new Date(2026, 10, 22, 14, 5, 30).getTime();
    const to = new Date(2026, 10, 22, 14, 20, 0).getTime();
    expect(describeRange({ from: String(from), to: String(to) })).toBe(
      '2026-11-22 14:05:30 to 2026-11-22 14:20:00',
    );
  });
});

describe('isRelativeToNow', () => {
  it('is true only when to is exactly now', () => {
    expect(isRelativeToNow({ from: 'now-1h', to: 'now' })).toBe(true);
    expect(isRelativeToNow({ from: '1700000000000', to: ' now ' })).toBe(true);
    expect(isRelativeToNow({ from: 'now/d', to: 'now/d' })).toBe(false);
    expect(isRelativeToNow({ from: 'now-2h', to: 'now-1h' })).toBe(false);
    expect(isRelativeToNow({ from: '1700000000000', to: '1700003600000' })).toBe(false);
  });
});
